using System.Globalization;
using System.Text.RegularExpressions;

namespace LayerNas.Core.Costs.ConvMacs;

/// <summary>One option of a mobilenet-v2 layer: an inverted residual block's kernel size, expansion ratio and output width, named like "k3e6w16".</summary>
public sealed partial record MobileBlockOption(int Kernel, int Expansion, int Width)
{
    /// <summary>The option's name in a spec, e.g. "k3e6w16".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"k{Kernel}e{Expansion}w{Width}");

    /// <summary>Reads an option name; throws <see cref="ArgumentException"/> naming the layer and option when it is not a block.</summary>
    public static MobileBlockOption Parse(string layer, string option)
    {
        var match = Pattern().Match(option);
        if (!match.Success
            || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var kernel)
            || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var expansion)
            || !int.TryParse(match.Groups[3].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var width))
        {
            throw new ArgumentException($"layer '{layer}': option '{option}' is not a block (mobilenet-v2 options look like 'k3e6w16')");
        }
        if (kernel % 2 == 0)
        {
            throw new ArgumentException($"layer '{layer}': option '{option}' has an even kernel size; kernels must be odd");
        }
        return new MobileBlockOption(kernel, expansion, width);
    }

    [GeneratedRegex("^k([1-9][0-9]*)e([1-9][0-9]*)w([1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
