using LayerNas.Cli.Specs;
using LayerNas.Core.Benchmarking;
using LayerNas.Core.Specs;

namespace LayerNas.Cli.Bench;

/// <summary>
/// <c>layernas bench compare SPEC</c>: runs LayerNAS and the baselines many seeded times on a table-backed spec and
/// reports, per trial budget, the test metric of what each found and how soon each trained the true optimum; writes
/// compare.csv and compare.png.
/// </summary>
public static class BenchCompareCommand
{
    /// <summary>
    /// Runs the command on the arguments that follow <c>bench compare</c>. Returns 0 on success, 2 for unusable
    /// arguments or spec (one line on <paramref name="stderr"/>), 1 when the results cannot be written.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (CompareArguments.AsksForHelp(args))
        {
            await stdout.WriteLineAsync(CompareArguments.Usage);
            return 0;
        }
        CompareArguments arguments;
        ComparisonReport report;
        try
        {
            arguments = CompareArguments.Parse(args);
            var spec = SpecFile.Load(arguments.SpecPath);
            CreateOutputDir(arguments.OutputDir);
            var plan = new ComparisonPlan(arguments.Strategies, arguments.Budgets, arguments.Runs, Environment.ProcessorCount);
            report = StrategyComparison.Run(spec, SpecFile.LoadTable, plan);
        }
        catch (Exception e) when (e is CommandLineException or SpecException)
        {
            await stderr.WriteLineAsync($"layernas bench compare: {e.Message}");
            return 2;
        }
        CompareConsole.Write(report, stdout, terminal: ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected);
        var csvPath = Path.Combine(arguments.OutputDir, "compare.csv");
        var pngPath = Path.Combine(arguments.OutputDir, "compare.png");
        try
        {
            await File.WriteAllTextAsync(csvPath, CompareCsv.Format(report));
            await File.WriteAllBytesAsync(pngPath, CompareChart.Png(report));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"layernas bench compare: cannot write the results: {e.Message}");
            return 1;
        }
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"wrote {csvPath} and {pngPath}");
        return 0;
    }

    private static void CreateOutputDir(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--output-dir {path}: cannot create the folder: {e.Message}");
        }
    }
}
