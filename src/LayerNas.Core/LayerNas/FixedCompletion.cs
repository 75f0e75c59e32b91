using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>Fills each open layer with one fixed option, whatever the prefix: the most-expensive, cheapest and first policies.</summary>
public sealed class FixedCompletion : IPrefixCompletion
{
    private readonly int[] _defaults;

    private FixedCompletion(int[] defaults) => _defaults = defaults;

    /// <summary>The option index filling each layer.</summary>
    public IReadOnlyList<int> Defaults => _defaults;

    /// <inheritdoc />
    public Architecture Complete(Architecture prefix) => prefix.CompletedWith(_defaults);

    /// <summary>
    /// The fixed completion of a policy: each layer's own default option where it names one, else the layer's option
    /// in the space's most expensive architecture (<see cref="CompletionPolicy.MostExpensive"/>), its cheapest
    /// (<see cref="CompletionPolicy.Cheapest"/>) or option 0 (<see cref="CompletionPolicy.First"/>).
    /// </summary>
    public static FixedCompletion For(SearchProblem problem, CompletionPolicy policy)
    {
        if (policy is not (CompletionPolicy.MostExpensive or CompletionPolicy.Cheapest or CompletionPolicy.First))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "only the most-expensive, cheapest and first completions are fixed");
        }
        // Greedy on exact completion bounds yields the single dearest (or cheapest) architecture, layer by layer.
        var space = problem.Space;
        var defaults = new int[space.Depth];
        var bounds = Bounds(problem);
        for (var layer = 0; layer < space.Depth; layer++)
        {
            var chosen = 0;
            if (policy != CompletionPolicy.First)
            {
                var best = double.NaN;
                for (var option = 0; option < space.OptionCount(layer); option++)
                {
                    var completion = bounds.Of(option);
                    var value = policy == CompletionPolicy.MostExpensive ? completion.Max : -completion.Min;
                    if (double.IsNaN(best) || value > best)
                    {
                        best = value;
                        chosen = option;
                    }
                }
            }
            bounds.Choose(chosen);
            defaults[layer] = space.Layers[layer].DefaultOption ?? chosen;
        }
        return new FixedCompletion(defaults);
    }

    // A chain cost prices each next option from the prefix's own figures, so the greedy walk is linear in the depth;
    // other models price the whole prefix each time (their spaces are small enough to enumerate).
    private static IGreedyBounds Bounds(SearchProblem problem) => problem.CostModel is IChainCost chain
        ? new ChainBounds(chain)
        : new PrefixBounds(problem.CostModel);

    /// <summary>The completion bounds of the chosen prefix extended by one option of the next layer.</summary>
    private interface IGreedyBounds
    {
        CostBounds Of(int option);

        void Choose(int option);
    }

    private sealed class ChainBounds(IChainCost chain) : IGreedyBounds
    {
        private double _cost = chain.Start;
        private int _state;
        private int _layer;

        public CostBounds Of(int option)
        {
            var cost = _cost + chain.Step(_layer, _state, option);
            var suffix = chain.Suffix(_layer + 1, chain.State(_layer, option));
            return new CostBounds(cost + suffix.Min, cost + suffix.Max);
        }

        public void Choose(int option)
        {
            _cost += chain.Step(_layer, _state, option);
            _state = chain.State(_layer, option);
            _layer++;
        }
    }

    private sealed class PrefixBounds(ICostModel model) : IGreedyBounds
    {
        private Architecture _prefix = Architecture.Empty;

        public CostBounds Of(int option) => model.CompletionBounds(_prefix.Append(option));

        public void Choose(int option) => _prefix = _prefix.Append(option);
    }
}
