using System.Diagnostics;

namespace LayerNas.Cli.Tests.Support;

/// <summary>Runs the built layernas command as a separate OS process, as a user would.</summary>
internal static class Layernas
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>The built command: beside the tests (the project reference copies it), else in the CLI project's own output.</summary>
    public static string Dll { get; } = Locate();

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Asserts the command refused its input as bad input should be: exit code 2, one error line naming the problem, nothing on stdout and no database made.</summary>
    public static void AssertRefused(Outcome outcome, string expected, string workingFolder)
    {
        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("", outcome.Stdout);
        Assert.False(File.Exists(Path.Combine(workingFolder, "layernas.db")));
    }

    public static Process Start(string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        WithoutLayernasVariables(start);
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static async Task<Outcome> RunAsync(string workingFolder, params string[] args)
    {
        using var process = Start(workingFolder, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"layernas {string.Join(' ', args)} ran past {Deadline}");
        }
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A test decides every LAYERNAS_* setting itself; none leaks in from the machine running the tests.</summary>
    public static void WithoutLayernasVariables(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LAYERNAS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
    }

    private static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "layernas.dll");
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var project = Path.Combine(folder.FullName, "src", "LayerNas.Cli", "bin");
            if (Directory.Exists(project))
            {
                var built = Directory.GetFiles(project, "layernas.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
                if (built is not null)
                {
                    return built;
                }
            }
        }
        throw new FileNotFoundException("the built layernas.dll was not found beside the tests or under src/LayerNas.Cli/bin");
    }
}
