using LayerNas.Core.Space;

namespace LayerNas.Core.Costs;

/// <summary>Prices architectures: cost(A) ≥ 0, known before anything trains.</summary>
public interface ICostModel
{
    /// <summary>The cost of a complete architecture.</summary>
    double Cost(Architecture architecture);

    /// <summary>The cheapest and the most expensive completion of a prefix (of any depth, the empty one included).</summary>
    CostBounds CompletionBounds(Architecture prefix);
}
