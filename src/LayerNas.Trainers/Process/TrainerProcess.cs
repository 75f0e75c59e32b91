using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LayerNas.Trainers;

/// <summary>
/// One running trainer process: its stdin and stdout as line streams, and its stderr pumped into the current log and
/// a window of recent lines for failure reasons.
/// </summary>
internal sealed class TrainerProcess : IAsyncDisposable
{
    private const int RecentCapacity = 20;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly System.Diagnostics.Process _process;
    private readonly Lock _gate = new();
    private readonly Queue<string> _recent = new();
    private readonly Task _stderrPump;
    private TextWriter? _log;

    private TrainerProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _stderrPump = Task.Run(PumpErrorsAsync);
    }

    /// <summary>Starts a process; throws <see cref="TrainerException"/> when it cannot be started.</summary>
    public static TrainerProcess Start(string program, IEnumerable<string> arguments, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment)
    {
        var info = new ProcessStartInfo
        {
            FileName = program,
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        try
        {
            var process = System.Diagnostics.Process.Start(info) ?? throw new TrainerException($"cannot start trainer '{program}'");
            process.StandardInput.AutoFlush = false;
            return new TrainerProcess(process);
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            throw new TrainerException($"cannot start trainer '{program}' in '{workingDirectory}': {e.Message}", e);
        }
    }

    /// <summary>The operating system's id of the process.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Writes one line to the process's stdin and flushes it.</summary>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>The next line of the process's stdout, or null once it is closed.</summary>
    public ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => _process.StandardOutput.ReadLineAsync(cancellationToken);

    /// <summary>Sends stderr lines from now on to <paramref name="log"/>, closing the log that had them.</summary>
    public void LogTo(TextWriter log)
    {
        lock (_gate)
        {
            _log?.Dispose();
            _log = log;
        }
    }

    /// <summary>The last stderr lines, oldest first.</summary>
    public IReadOnlyList<string> RecentErrors(int count)
    {
        lock (_gate)
        {
            return [.. _recent.Skip(Math.Max(0, _recent.Count - count))];
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the process to end and for its stderr to be read to the end; null if it is still running.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan grace)
    {
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            // A grandchild that inherited stderr can hold it open past the process's own exit.
            await _stderrPump.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            if (!_process.HasExited)
            {
                return null;
            }
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the process and every process it started; a process already gone is left be.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    /// <summary>Closes stdin, which asks a trainer to finish, and kills it if it is still running after <paramref name="grace"/>.</summary>
    public async Task CloseAsync(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is already broken: the process is gone or going.
        }
        if (await WaitForExitAsync(grace) is null)
        {
            Kill();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        await WaitForExitAsync(TimeSpan.FromSeconds(2));
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
        _process.Dispose();
    }

    private async Task PumpErrorsAsync()
    {
        var stderr = _process.StandardError;
        while (await stderr.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _recent.Enqueue(line);
                if (_recent.Count > RecentCapacity)
                {
                    _recent.Dequeue();
                }
                try
                {
                    _log?.WriteLine(line);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // A log that cannot be written must not stop the pump: a full stderr pipe would stall the trainer.
                    _log = null;
                }
            }
        }
    }
}
