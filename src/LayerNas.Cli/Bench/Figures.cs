using System.Globalization;

namespace LayerNas.Cli.Bench;

/// <summary>How benchmark figures are written: invariant culture, at most four decimals, empty or a dash for none.</summary>
internal static class Figures
{
    /// <summary>A figure for a CSV cell: empty when there is none.</summary>
    public static string Cell(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>A figure for a reader: a dash when there is none.</summary>
    public static string Text(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    /// <summary>A fraction as a whole percentage.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
