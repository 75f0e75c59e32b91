using System.Globalization;
using System.Text;
using LayerNas.Core.Benchmarking;

namespace LayerNas.Cli.Bench;

/// <summary>A comparison as CSV: one row per budget and strategy, with the true optimum's metric on every row for plotting.</summary>
internal static class CompareCsv
{
    /// <summary>The header for a report whose test metric is <paramref name="metric"/>.</summary>
    public static string Header(string metric) =>
        $"budget,strategy,runs,mean_trials,answered,mean_{metric},p25_{metric},median_{metric},p75_{metric},optimum_{metric},reached_optimum,median_trials_to_optimum";

    /// <summary>The CSV text of a report, header first, lines ending in '\n'.</summary>
    public static string Format(ComparisonReport report)
    {
        var csv = new StringBuilder().Append(Header(report.Metric)).Append('\n');
        foreach (var row in report.Rows)
        {
            string[] cells =
            [
                row.Budget.ToString(CultureInfo.InvariantCulture),
                row.Strategy,
                row.Runs.ToString(CultureInfo.InvariantCulture),
                Figures.Cell(row.MeanTrials),
                row.Answered.ToString(CultureInfo.InvariantCulture),
                Figures.Cell(row.Metric?.Mean),
                Figures.Cell(row.Metric?.P25),
                Figures.Cell(row.Metric?.Median),
                Figures.Cell(row.Metric?.P75),
                Figures.Cell(report.Optimum.Metric),
                Figures.Cell(row.ReachedOptimum),
                Figures.Cell(row.MedianTrialsToOptimum),
            ];
            csv.AppendJoin(',', cells).Append('\n');
        }
        return csv.ToString();
    }
}
