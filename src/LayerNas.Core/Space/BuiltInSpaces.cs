using System.Globalization;
using LayerNas.Core.Costs.ConvMacs;

namespace LayerNas.Core.Space;

/// <summary>The layers of the built-in CNN spaces that the conv-macs cost model and the Fashion-MNIST trainer understand.</summary>
public static class BuiltInSpaces
{
    /// <summary>A nats-size space: <paramref name="layers"/> layers "layer1"…, each choosing one of the channel counts.</summary>
    public static SearchSpace NatsSize(IReadOnlyList<int> channels, int layers)
    {
        if (channels.Count == 0 || channels.Any(c => c < 1))
        {
            throw new ArgumentException("a nats-size space needs at least one channel count, each at least 1", nameof(channels));
        }
        var options = channels.Select(c => new LayerOption(c.ToString(CultureInfo.InvariantCulture), 0)).ToArray();
        return new SearchSpace(Enumerable.Range(1, Positive(layers, nameof(layers))).Select(i => new SearchLayer($"layer{i}", [.. options])));
    }

    /// <summary>
    /// A mobilenet-v2 space: <paramref name="blocks"/> layers "block1"…, each choosing a kernel size, an expansion
    /// ratio and a width; options are named like "k3e6w16" and ordered by kernel, then expansion, then width.
    /// </summary>
    public static SearchSpace MobileNetV2(IReadOnlyList<int> kernels, IReadOnlyList<int> expansions, IReadOnlyList<int> widths, int blocks)
    {
        if (kernels.Count == 0 || kernels.Any(k => k < 1 || k % 2 == 0))
        {
            throw new ArgumentException("a mobilenet-v2 space needs at least one kernel size, each odd and positive", nameof(kernels));
        }
        if (expansions.Count == 0 || expansions.Any(e => e < 1) || widths.Count == 0 || widths.Any(w => w < 1))
        {
            throw new ArgumentException("a mobilenet-v2 space needs at least one expansion ratio and one width, each at least 1");
        }
        var options = (from k in kernels from e in expansions from w in widths select new LayerOption(new MobileBlockOption(k, e, w).Name, 0)).ToArray();
        return new SearchSpace(Enumerable.Range(1, Positive(blocks, nameof(blocks))).Select(i => new SearchLayer($"block{i}", [.. options])));
    }

    private static int Positive(int count, string name) =>
        count >= 1 ? count : throw new ArgumentException($"{name} must be at least 1, got {count}", name);
}
