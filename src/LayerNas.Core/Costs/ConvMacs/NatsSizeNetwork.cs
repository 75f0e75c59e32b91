using System.Globalization;
using LayerNas.Core.Space;

namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>
/// The NATS-Bench-style size space: each layer is a 3 × 3 convolution + batch norm + ReLU whose option is its output
/// channel count; layers 0 and ⌊L/2⌋ have stride 2; global average pooling and a linear classifier follow.
/// </summary>
public sealed class NatsSizeNetwork : IConvNetwork
{
    private const int Kernel = 3;
    private readonly ConvInput _input;
    private readonly int[][] _widths;
    private readonly int[] _outputSizes;

    /// <summary>Reads a space whose options are channel counts; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public NatsSizeNetwork(SearchSpace space, ConvInput input)
    {
        _input = input;
        _widths = [.. space.Layers.Select(layer => layer.Options.Select(option => ParseWidth(layer.Name, option.Name)).ToArray())];
        _outputSizes = new int[space.Depth];
        var size = input.ImageSize;
        for (var layer = 0; layer < space.Depth; layer++)
        {
            size = ConvArithmetic.OutputSize(size, Kernel, ConvArithmetic.IsReduction(layer, space.Depth) ? 2 : 1);
            _outputSizes[layer] = size;
        }
    }

    /// <inheritdoc />
    public ConvCost Stem => default;

    /// <inheritdoc />
    public int StemWidth => _input.Channels;

    /// <inheritdoc />
    public int Width(int layer, int option) => _widths[layer][option];

    /// <inheritdoc />
    public ConvCost Block(int layer, int option, int inChannels) =>
        ConvArithmetic.ConvBatchNorm(inChannels, _widths[layer][option], Kernel, 1, _outputSizes[layer]);

    /// <inheritdoc />
    public ConvCost Head(int width) => ConvArithmetic.Linear(width, _input.Classes);

    /// <summary>The channel count an option name stands for, e.g. "16".</summary>
    public static int ParseWidth(string layer, string option) =>
        option.Length > 0 && option[0] is >= '1' and <= '9' && option.All(char.IsAsciiDigit)
            && int.TryParse(option, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            ? width
            : throw new ArgumentException($"layer '{layer}': option '{option}' is not a channel count (nats-size options look like '16')");
}
