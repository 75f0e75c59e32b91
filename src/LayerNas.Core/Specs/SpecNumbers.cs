using System.Globalization;

namespace LayerNas.Core.Specs;

/// <summary>Writes numbers into error messages as people read them: 0.30000000000000004 as 0.3, never in the current culture.</summary>
internal static class SpecNumbers
{
    /// <summary>The number with at most 12 significant digits, invariant culture.</summary>
    public static string Format(double value) => value.ToString("G12", CultureInfo.InvariantCulture);
}
