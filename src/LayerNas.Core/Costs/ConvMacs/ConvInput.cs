namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>The data a built-in CNN space is sized for: square images of some channels, and the classes to tell apart.</summary>
public sealed record ConvInput(int ImageSize, int Channels, int Classes)
{
    /// <summary>1 × 28 × 28 images in 10 classes.</summary>
    public static ConvInput FashionMnist { get; } = new(28, 1, 10);
}
