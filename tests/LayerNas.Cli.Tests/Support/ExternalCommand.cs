using System.ComponentModel;
using System.Diagnostics;

namespace LayerNas.Cli.Tests.Support;

/// <summary>Runs a program of this machine (podman, dotnet, a script) to its end, with a deadline.</summary>
internal static class ExternalCommand
{
    /// <summary>What the program printed and how it ended.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
    {
        /// <summary>Standard output and error together, for failure messages and logs.</summary>
        public string Output => $"{Stdout}{Stderr}";
    }

    /// <summary>
    /// Runs <paramref name="program"/> and returns how it ended; a program that is not installed fails the test with
    /// <paramref name="install"/>, the way to install it. Environment variables whose names start with one of
    /// <paramref name="unset"/> (case-insensitive) are left out of its environment.
    /// </summary>
    public static async Task<Outcome> RunAsync(string program, IReadOnlyList<string> args, TimeSpan deadline, string install, string? workingFolder = null, IReadOnlyList<string>? unset = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingFolder ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(n => unset?.Any(p => n.StartsWith(p, StringComparison.OrdinalIgnoreCase)) == true).ToList())
        {
            start.Environment.Remove(name);
        }
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is needed and was not found ({e.Message}); install it: {install}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(deadline);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran past {deadline}");
            }
            return new Outcome(process.ExitCode, await stdout, await stderr, clock.Elapsed);
        }
    }

    /// <summary>Runs <paramref name="program"/> and fails the test with its output unless it exits with 0.</summary>
    public static async Task<Outcome> CheckAsync(string program, IReadOnlyList<string> args, TimeSpan deadline, string install, string? workingFolder = null)
    {
        var outcome = await RunAsync(program, args, deadline, install, workingFolder);
        Assert.True(outcome.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {outcome.ExitCode}: {outcome.Output}");
        return outcome;
    }
}
