using LayerNas.Core.Benchmarking;
using ScottPlot;

namespace LayerNas.Cli.Bench;

/// <summary>
/// A comparison as a chart like the LayerNAS post's figure: per strategy, the mean test metric of the answer against
/// the trial budget (log scale), bars from the 25th to the 75th percentile, and a dashed line at the true optimum.
/// </summary>
internal static class CompareChart
{
    // Sideways shift between neighbouring strategies, in decades of the log-scaled budget axis.
    private const double Dodge = 0.012;

    /// <summary>The chart of <paramref name="report"/> as PNG bytes.</summary>
    public static byte[] Png(ComparisonReport report, int width = 960, int height = 600)
    {
        var plot = new Plot();
        if (report.Optimum.Metric is { } optimum)
        {
            var truth = plot.Add.HorizontalLine(optimum, 1.5f, Colors.Black, LinePattern.Dashed);
            truth.LegendText = $"true optimum {report.Optimum.Key}: {Figures.Text(optimum)}";
        }
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < report.Strategies.Length; s++)
        {
            var strategy = report.Strategies[s];
            var points = report.Budgets
                .Select(budget => report.Row(budget, strategy))
                .Where(row => row.Metric is not null)
                .ToList();
            if (points.Count == 0)
            {
                continue;
            }
            var color = palette.GetColor(s);
            // Strategies often agree exactly; a small sideways shift keeps each one's markers and bars visible.
            var shift = Dodge * (s - (report.Strategies.Length - 1) / 2.0);
            var xs = points.Select(row => Math.Log10(row.Budget) + shift).ToArray();
            var means = points.Select(row => row.Metric!.Mean).ToArray();
            var deterministic = report.Deterministic.Contains(strategy);
            if (!deterministic)
            {
                var zeros = new double[xs.Length];
                var bars = new ScottPlot.Plottables.ErrorBar(xs, means, zeros, zeros,
                    [.. points.Select(row => row.Metric!.P75 - row.Metric.Mean)],
                    [.. points.Select(row => row.Metric!.Mean - row.Metric.P25)])
                {
                    Color = color,
                    LineWidth = 1.5f,
                    CapSize = 6,
                };
                plot.Add.Plottable(bars);
            }
            var line = plot.Add.Scatter(xs, means, color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = deterministic
                ? $"{strategy} (deterministic: one run per budget)"
                : $"{strategy} (mean of {report.Runs} runs; bars: 25th to 75th percentile)";
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. report.Budgets.Select(b => Math.Log10(b))],
            [.. report.Budgets.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Title($"{report.SpecName}: {report.Metric} of the best architecture found within a trial budget");
        plot.XLabel("trial budget (log scale)");
        plot.YLabel($"{report.Metric} of the best-{report.RewardColumn} architecture");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
