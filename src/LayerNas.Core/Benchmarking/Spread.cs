namespace LayerNas.Core.Benchmarking;

/// <summary>The size, mean, quartiles and median of a sample of figures.</summary>
/// <param name="Count">How many figures.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="P25">Their 25th percentile.</param>
/// <param name="Median">Their median (50th percentile).</param>
/// <param name="P75">Their 75th percentile.</param>
/// <remarks>
/// Percentiles interpolate linearly between order statistics (NumPy's default, Hyndman and Fan's type 7): the p-th
/// percentile of n sorted values sits at rank p·(n−1), so a one-value sample has that value for every percentile.
/// </remarks>
public sealed record Spread(int Count, double Mean, double P25, double Median, double P75)
{
    /// <summary>The spread of a sample, or null when it is empty.</summary>
    public static Spread? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }
        return new Spread(sorted.Length, sorted.Average(), Percentile(sorted, 0.25), Percentile(sorted, 0.5), Percentile(sorted, 0.75));
    }

    /// <summary>The <paramref name="fraction"/> (0 to 1) percentile of non-empty, ascending <paramref name="sorted"/> values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var rank = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
