using System.Collections.Concurrent;
using System.Diagnostics;

namespace LayerNas.ThroughputBench;

/// <summary>A <c>layernas node</c> process whose output is collected; killed on dispose.</summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The built command, copied beside the harness by its project reference.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "layernas.dll");

    public static NodeProcess Start(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("LAYERNAS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits for the node's "node up at …" line; fails when the node exits first or the deadline passes.</summary>
    public async Task<string> UpAsync(TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (_stdout.FirstOrDefault(l => l.StartsWith("node up at ", StringComparison.Ordinal)) is { } line)
            {
                return line;
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"layernas node exited with {_process.ExitCode}: {string.Join('\n', _stderr)}");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"layernas node was not up within {deadline}");
    }

    /// <summary>CPU time the node has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
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
