using System.Diagnostics;
using LayerNas.ThroughputBench;

namespace LayerNas.UtilizationBench;

/// <summary>
/// <c>layernas run SPEC --workers N</c> as a process of its own, on a fresh SQLite journal; its wall time runs from the
/// line announcing the search (the node is up) to the line saying the result is written (before the node stops).
/// </summary>
internal static class EmbeddedRun
{
    public static async Task<(TimeSpan Wall, TrialTimeline Timeline)> RunAsync(string folder, string specPath, int slots)
    {
        var database = Path.Combine(folder, "embedded.db");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { NodeProcess.Dll, "run", specPath, "--workers", $"{slots}", "--db", database, "--output", "result.json" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LAYERNAS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var clock = new Stopwatch();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("search ", StringComparison.Ordinal) == true)
            {
                clock.Start();
            }
            else if (e.Data?.StartsWith("result written to ", StringComparison.Ordinal) == true)
            {
                clock.Stop();
            }
        };
        var errors = process.StandardError.ReadToEndAsync();
        process.BeginOutputReadLine();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (clock.Elapsed, TrialTimeline.Read(database))
            : throw new InvalidOperationException($"layernas run exited with {process.ExitCode}: {await errors}");
    }
}
