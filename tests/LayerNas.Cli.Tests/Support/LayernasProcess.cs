using System.Collections.Concurrent;
using System.Diagnostics;

using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Support;

/// <summary>A long-running layernas process (a node, a watch) whose output lines are collected as they come; killed on dispose.</summary>
internal sealed class LayernasProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private LayernasProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Stdout => [.. _stdout];

    /// <summary>The process id: a process trainer's parent.</summary>
    public int Id => _process.Id;

    public string Stderr => string.Join('\n', _stderr);

    public static LayernasProcess Start(string workingFolder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Layernas.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        Layernas.WithoutLayernasVariables(start);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new LayernasProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>The first output line that starts with <paramref name="prefix"/>, once it comes; fails if the process exits first or the deadline passes.</summary>
    public async Task<string> LineAsync(string prefix, TimeSpan deadline)
    {
        string? line = null;
        await Wait.UntilAsync(() => (line = _stdout.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))) is not null || _process.HasExited, deadline, $"a line starting '{prefix}'");
        return line ?? _stdout.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"layernas exited with {_process.ExitCode} before printing '{prefix}': {Stderr}");
    }

    public async Task<int> ExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGKILL: the process ends at once, without a word to anyone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as a process manager stops a node.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private static void Collect(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
