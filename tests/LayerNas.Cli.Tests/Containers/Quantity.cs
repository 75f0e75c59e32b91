using System.Globalization;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>Kubernetes resource quantities ("500m", "2", "1Gi", "128M") as the numbers podman takes.</summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("m", 1e-3m),
    ];

    /// <summary>The quantity as a plain number: CPUs for a CPU quantity, bytes for a memory one.</summary>
    public static decimal Parse(string quantity)
    {
        (string Suffix, decimal Factor) none = ("", 1m);
        var (suffix, factor) = Suffixes.FirstOrDefault(s => quantity.EndsWith(s.Suffix, StringComparison.Ordinal), none);
        return decimal.TryParse(quantity[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number * factor
            : throw new FormatException($"'{quantity}' is not a Kubernetes quantity the container tests read");
    }

    /// <summary>The CPU shares the kubelet gives a container for its CPU request: 1024 per CPU, at least 2.</summary>
    public static long CpuShares(string request) => Math.Max(2, (long)Math.Round(Parse(request) * 1024));
}
