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
    /// Runs the command. Returns <see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.Failure"/> when the results cannot
    /// be written; an unusable spec or output folder is reported as <see cref="SpecException"/> or
    /// <see cref="UsageException"/> before anything runs or is written.
    /// </summary>
    internal static async Task<int> RunAsync(CompareArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var spec = SpecFile.Load(arguments.SpecPath);
        CreateOutputDir(arguments.OutputDir);
        var plan = new ComparisonPlan(arguments.Strategies, arguments.Budgets, arguments.Runs, Environment.ProcessorCount);
        var report = StrategyComparison.Run(spec, SpecFile.LoadTable, plan);
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
            await stderr.WriteLineAsync($"error: cannot write the results: {e.Message}");
            return ExitCodes.Failure;
        }
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"wrote {csvPath} and {pngPath}");
        return ExitCodes.Ok;
    }

    private static void CreateOutputDir(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--output-dir {path}: cannot create the folder: {e.Message}");
        }
    }
}
