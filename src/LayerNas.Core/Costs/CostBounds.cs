namespace LayerNas.Core.Costs;

/// <summary>The cheapest and the most expensive cost a set of architectures can have.</summary>
public readonly record struct CostBounds(double Min, double Max)
{
    /// <summary>Bounds that contain nothing, the identity of <see cref="Union"/>.</summary>
    public static CostBounds None => new(double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>Whether the bounds contain any cost at all.</summary>
    public bool IsEmpty => Min > Max;

    /// <summary>The smallest bounds containing both.</summary>
    public CostBounds Union(CostBounds other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));
}
