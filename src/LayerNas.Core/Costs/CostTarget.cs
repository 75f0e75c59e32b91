namespace LayerNas.Core.Costs;

/// <summary>The cost range [Min, Max] the answer must land in.</summary>
public readonly record struct CostTarget(double Min, double Max)
{
    /// <summary>No constraint at all.</summary>
    public static CostTarget Unbounded => new(0, double.PositiveInfinity);

    /// <summary>Whether a cost lies in the target.</summary>
    public bool Contains(double cost) => cost >= Min && cost <= Max;

    /// <summary>Whether some cost within the bounds lies in the target: the pruning test.</summary>
    public bool CanReach(CostBounds bounds) => !bounds.IsEmpty && bounds.Min <= Max && bounds.Max >= Min;
}
