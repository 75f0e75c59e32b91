using LayerNas.Core.Benchmarking;
using ScottPlot;

namespace LayerNas.Cli.Bench;

/// <summary>
/// A comparison as a chart like the LayerNAS post's figure: per strategy, the mean test metric of the answer against
/// the trial budget (log scale), a band from the 25th to the 75th percentile, and a dashed line at the true optimum.
/// </summary>
internal static class CompareChart
{
    /// <summary>The chart of <paramref name="report"/> as PNG bytes.</summary>
    public static byte[] Png(ComparisonReport report, int width = 960, int height = 600)
    {
        var plot = new Plot();
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
            var xs = points.Select(row => Math.Log10(row.Budget)).ToArray();
            var deterministic = report.Deterministic.Contains(strategy);
            if (!deterministic)
            {
                var band = plot.Add.FillY(xs, [.. points.Select(row => row.Metric!.P25)], [.. points.Select(row => row.Metric!.P75)]);
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(xs, [.. points.Select(row => row.Metric!.Mean)], color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = deterministic ? $"{strategy} (deterministic: one run)" : $"{strategy} (mean of {report.Runs} runs, IQR band)";
        }
        if (report.Optimum.Metric is { } optimum)
        {
            var truth = plot.Add.HorizontalLine(optimum, 1.5f, Colors.Black, LinePattern.Dashed);
            truth.LegendText = $"true optimum {report.Optimum.Key}: {Figures.Text(optimum)}";
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
