namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>The multiply-adds and parameters of a piece of a network, for one image.</summary>
public readonly record struct ConvCost(long Macs, long Params)
{
    /// <summary>The cost of two pieces together; throws <see cref="OverflowException"/> rather than wrap.</summary>
    public static ConvCost operator +(ConvCost a, ConvCost b) => new(checked(a.Macs + b.Macs), checked(a.Params + b.Params));

    /// <summary>The figure a metric measures.</summary>
    public long Of(ConvMetric metric) => metric == ConvMetric.Params ? Params : Macs;
}
