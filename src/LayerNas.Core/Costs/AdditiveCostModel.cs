using LayerNas.Core.Space;

namespace LayerNas.Core.Costs;

/// <summary>cost(A) is the sum of the chosen options' costs (the burger of the LayerNAS post).</summary>
public sealed class AdditiveCostModel : ICostModel, IPrefixCostRange, IChainCost
{
    private readonly SearchSpace _space;
    private readonly double[] _suffixMin;
    private readonly double[] _suffixMax;

    /// <summary>Prices architectures of a space by its option costs.</summary>
    public AdditiveCostModel(SearchSpace space)
    {
        _space = space;
        _suffixMin = new double[space.Depth + 1];
        _suffixMax = new double[space.Depth + 1];
        for (var layer = space.Depth - 1; layer >= 0; layer--)
        {
            var options = space.Layers[layer].Options;
            _suffixMin[layer] = _suffixMin[layer + 1] + options.Min(o => o.Cost);
            _suffixMax[layer] = _suffixMax[layer + 1] + options.Max(o => o.Cost);
        }
    }

    /// <inheritdoc />
    public double Cost(Architecture architecture) => PrefixSum(architecture);

    /// <inheritdoc />
    public CostBounds CompletionBounds(Architecture prefix)
    {
        var sum = PrefixSum(prefix);
        return new CostBounds(sum + _suffixMin[prefix.Length], sum + _suffixMax[prefix.Length]);
    }

    /// <inheritdoc />
    /// <remarks>
    /// With P the prefix sum and m, M the cheapest and dearest suffix, a prefix can reach [lo, hi] iff P + m ≤ hi and
    /// P + M ≥ lo; intersecting that with the prefix sums' own span bounds every reachable φ = P + m.
    /// </remarks>
    public CostBounds PrefixCostRange(int depth, CostTarget target)
    {
        var cheapest = _suffixMin[depth];
        var dearest = _suffixMax[depth];
        var lowestSum = _suffixMin[0] - cheapest;
        var highestSum = _suffixMax[0] - dearest;
        return new CostBounds(Math.Max(lowestSum, target.Min - dearest) + cheapest, Math.Min(highestSum, target.Max - cheapest) + cheapest);
    }

    /// <inheritdoc />
    public double Start => 0;

    /// <inheritdoc />
    /// <remarks>An option's cost does not depend on its neighbours: there is one state.</remarks>
    public int State(int layer, int option) => 0;

    /// <inheritdoc />
    public double Step(int layer, int state, int option) => _space.Layers[layer].Options[option].Cost;

    /// <inheritdoc />
    public CostBounds Suffix(int depth, int state) => new(_suffixMin[depth], _suffixMax[depth]);

    private double PrefixSum(Architecture prefix)
    {
        var sum = 0.0;
        for (var layer = 0; layer < prefix.Length; layer++)
        {
            sum += _space.Layers[layer].Options[prefix[layer]].Cost;
        }
        return sum;
    }
}
