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
        var prefix = Architecture.Empty;
        for (var layer = 0; layer < space.Depth; layer++)
        {
            var chosen = 0;
            if (policy != CompletionPolicy.First)
            {
                var best = double.NaN;
                for (var option = 0; option < space.OptionCount(layer); option++)
                {
                    var bounds = problem.CostModel.CompletionBounds(prefix.Append(option));
                    var value = policy == CompletionPolicy.MostExpensive ? bounds.Max : -bounds.Min;
                    if (double.IsNaN(best) || value > best)
                    {
                        best = value;
                        chosen = option;
                    }
                }
            }
            prefix = prefix.Append(chosen);
            defaults[layer] = space.Layers[layer].DefaultOption ?? chosen;
        }
        return new FixedCompletion(defaults);
    }
}
