namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>Which figure of a network the conv-macs cost model prices it by.</summary>
public enum ConvMetric
{
    /// <summary>Multiply-adds of one forward pass on one image (spec name "macs").</summary>
    Macs,

    /// <summary>Trainable parameters (spec name "params").</summary>
    Params,
}
