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
    /// Runs the command on the arguments that follow <c>bench compare</c>. Returns <see cref="ExitCodes.Ok"/>,
    /// <see cref="ExitCodes.BadInput"/> for unusable arguments or spec (one line on <paramref name="stderr"/>, nothing
    /// run or written), or <see cref="ExitCodes.Failure"/> when the results cannot be written.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (CompareArguments.AsksForHelp(args))
        {
            await stdout.WriteLineAsync(CompareArguments.Usage);
            return ExitCodes.Ok;
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
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message} (see layernas bench compare --help)");
            return ExitCodes.BadInput;
        }
        catch (SpecException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadInput;
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
