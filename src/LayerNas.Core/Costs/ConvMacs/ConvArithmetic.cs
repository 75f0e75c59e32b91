namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>The analytic costs of the building blocks, counted as PyTorch runs them on one image.</summary>
/// <remarks>
/// Multiply-adds count convolutions and linear layers only: batch norm folds into the convolution before it at
/// inference, and activations, pooling and residual additions multiply nothing. Parameters count every tensor:
/// convolution weights (no bias), batch norm's scale and shift, the classifier's weights and bias.
/// </remarks>
public static class ConvArithmetic
{
    /// <summary>Whether a layer (0-based) of an L-layer chain halves the spatial size: the first one and layer ⌊L/2⌋.</summary>
    public static bool IsReduction(int layer, int layers) => layer == 0 || layer == layers / 2;

    /// <summary>The spatial size after a k × k convolution with padding ⌊k/2⌋ and the given stride.</summary>
    public static int OutputSize(int size, int kernel, int stride) => ((size + 2 * (kernel / 2) - kernel) / stride) + 1;

    /// <summary>A bias-free convolution followed by batch norm, producing an <paramref name="outputSize"/>² map.</summary>
    public static ConvCost ConvBatchNorm(int inChannels, int outChannels, int kernel, int groups, int outputSize) => new(
        checked((long)kernel * kernel * (inChannels / groups) * outChannels * outputSize * outputSize),
        checked(((long)kernel * kernel * (inChannels / groups) * outChannels) + (2L * outChannels)));

    /// <summary>A linear layer with bias.</summary>
    public static ConvCost Linear(int inFeatures, int outFeatures) => new(
        checked((long)inFeatures * outFeatures),
        checked(((long)inFeatures * outFeatures) + outFeatures));
}
