using LayerNas.Core.Space;

namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>
/// The MobileNetV2-style block space: a 3 × 3 stride-2 stem of <see cref="StemChannels"/> channels, then one inverted
/// residual block per layer (1 × 1 expansion, skipped at ratio 1; k × k depthwise convolution; 1 × 1 projection; each
/// followed by batch norm), blocks 0 and ⌊L/2⌋ with stride 2, then global average pooling and a linear classifier.
/// </summary>
public sealed class MobileNetV2Network : IConvNetwork
{
    /// <summary>The stem's output channels.</summary>
    public const int StemChannels = 16;

    private const int StemKernel = 3;
    private readonly ConvInput _input;
    private readonly MobileBlockOption[][] _blocks;
    private readonly int[] _inputSizes;
    private readonly int[] _outputSizes;

    /// <summary>Reads a space whose options are blocks like "k3e6w16"; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public MobileNetV2Network(SearchSpace space, ConvInput input)
    {
        _input = input;
        _blocks = [.. space.Layers.Select(layer => layer.Options.Select(option => MobileBlockOption.Parse(layer.Name, option.Name)).ToArray())];
        _inputSizes = new int[space.Depth];
        _outputSizes = new int[space.Depth];
        var size = ConvArithmetic.OutputSize(input.ImageSize, StemKernel, 2);
        Stem = ConvArithmetic.ConvBatchNorm(input.Channels, StemChannels, StemKernel, 1, size);
        for (var layer = 0; layer < space.Depth; layer++)
        {
            _inputSizes[layer] = size;
            var stride = ConvArithmetic.IsReduction(layer, space.Depth) ? 2 : 1;
            // Every kernel is odd and padded by ⌊k/2⌋, so the output size depends on the stride alone.
            size = ConvArithmetic.OutputSize(size, 1, stride);
            _outputSizes[layer] = size;
        }
    }

    /// <inheritdoc />
    public ConvCost Stem { get; }

    /// <inheritdoc />
    public int StemWidth => StemChannels;

    /// <inheritdoc />
    public int Width(int layer, int option) => _blocks[layer][option].Width;

    /// <inheritdoc />
    public ConvCost Block(int layer, int option, int inChannels)
    {
        var block = _blocks[layer][option];
        var hidden = checked(inChannels * block.Expansion);
        var expand = block.Expansion == 1 ? default : ConvArithmetic.ConvBatchNorm(inChannels, hidden, 1, 1, _inputSizes[layer]);
        var depthwise = ConvArithmetic.ConvBatchNorm(hidden, hidden, block.Kernel, hidden, _outputSizes[layer]);
        var project = ConvArithmetic.ConvBatchNorm(hidden, block.Width, 1, 1, _outputSizes[layer]);
        return expand + depthwise + project;
    }

    /// <inheritdoc />
    public ConvCost Head(int width) => ConvArithmetic.Linear(width, _input.Classes);
}
