using System.Globalization;
using LayerNas.Core.Benchmarking;
using Spectre.Console;

namespace LayerNas.Cli.Bench;

/// <summary>Writes a comparison for a reader: a table per budget, then how soon each strategy reached the optimum.</summary>
/// <remarks>On a terminal the tables are drawn with Spectre.Console; otherwise they are plain aligned text, easy to grep and diff.</remarks>
internal static class CompareConsole
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>, as drawn tables when <paramref name="terminal"/>.</summary>
    public static void Write(ComparisonReport report, TextWriter output, bool terminal)
    {
        var metric = report.Metric;
        var optimum = report.Optimum;
        output.WriteLine($"{report.SpecName}: {string.Join(", ", report.Strategies)}; {report.Runs} seeded runs (seeds 1-{report.Runs}) per strategy and budget");
        output.WriteLine($"each run answers with its best {report.RewardColumn} among trained architectures in the target; the figures are that answer's {metric}");
        output.WriteLine($"true constrained optimum: {optimum.Key} (cost {Figures.Text(optimum.Cost)}), {report.RewardColumn} {Figures.Text(optimum.Reward)}, {metric} {Figures.Text(optimum.Metric)}");
        foreach (var strategy in report.Deterministic)
        {
            output.WriteLine($"{strategy} takes no seed and the table holds one training seed per architecture: it is deterministic, so it ran once per budget");
        }
        string[] budgetHeader = ["strategy", "runs", "mean trials", "answered", $"mean {metric}", "p25", "p75", "reached optimum", "median trials to it"];
        foreach (var budget in report.Budgets)
        {
            var rows = report.Strategies.Select(s => report.Row(budget, s)).Select(row => new[]
            {
                row.Strategy,
                Count(row.Runs),
                Figures.Text(row.MeanTrials),
                Count(row.Answered),
                Figures.Text(row.Metric?.Mean),
                Figures.Text(row.Metric?.P25),
                Figures.Text(row.Metric?.P75),
                Figures.Percent(row.ReachedOptimum),
                Figures.Text(row.MedianTrialsToOptimum),
            }).ToList();
            WriteTable(output, terminal, $"budget {budget} trials", budgetHeader, rows);
        }
        var largest = report.Budgets[^1];
        var reach = report.Strategies.Select(s => report.Row(largest, s)).Select(row => new[]
        {
            row.Strategy,
            $"{Figures.Percent(row.ReachedOptimum)} of {Count(row.Runs)}",
            Figures.Text(row.MedianTrialsToOptimum),
        }).ToList();
        WriteTable(output, terminal, $"reaching the true optimum within {largest} trials", ["strategy", "runs that reached it", "median trials"], reach);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteTable(TextWriter output, bool terminal, string title, string[] header, List<string[]> rows)
    {
        output.WriteLine();
        if (terminal)
        {
            var table = new Table().Title(Markup.Escape(title));
            table.AddColumn(new TableColumn(Markup.Escape(header[0])).NoWrap());
            foreach (var column in header.Skip(1))
            {
                table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
            }
            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(Markup.Escape)]);
            }
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
            return;
        }
        output.WriteLine(title);
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Prepend(h.Length).Max()).ToArray();
        foreach (var cells in rows.Prepend(header))
        {
            var padded = cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            output.WriteLine("  " + string.Join("  ", padded).TrimEnd());
        }
    }
}
