using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Protocol.V1;
using ProcessTrainerSpec = LayerNas.Protocol.V1.ProcessTrainer;

namespace LayerNas.Trainers;

/// <summary>
/// Trains trials in a long-lived child process that speaks the trainer protocol (docs/trainer-protocol.md): one
/// proto3-JSON <see cref="TrainRequest"/> line on its stdin, one <see cref="TrainResponse"/> line back on its stdout.
/// One instance serves one worker slot and owns at most one process, started on the first trial and again after any
/// fault that leaves it dead or its output untrustworthy. Retrying a failed trial is the caller's business.
/// </summary>
public sealed class ProcessTrainer : ITrainer
{
    /// <summary>How long <see cref="DisposeAsync"/> waits for the process to finish after closing its stdin, by default.</summary>
    public static readonly TimeSpan DefaultShutdownGrace = TimeSpan.FromSeconds(5);

    private const int ReasonLines = 5;
    private const int QuotedLength = 200;
    private static readonly JsonFormatter Formatter = JsonFormatter.Default;
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _program;
    private readonly string[] _arguments;
    private readonly KeyValuePair<string, string>[] _environment;
    private readonly string _workingDirectory;
    private readonly string _logsDirectory;
    private readonly TimeSpan _shutdownGrace;
    private readonly TrainRequestTemplate _template;
    private TrainerProcess? _process;
    private int _busy;
    private bool _disposed;

    /// <summary>
    /// Prepares a trainer; nothing starts until the first trial. The process runs in <paramref name="workingDirectory"/>
    /// (the spec file's folder), which also anchors a relative program path holding a '/'; stderr of each trial goes
    /// to <c>&lt;logsDirectory&gt;/&lt;search id&gt;/&lt;trial number&gt;.log</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The command is empty or a budget setting is not a valid integer.</exception>
    public ProcessTrainer(ProcessTrainerSpec spec, SearchSpace space, string workingDirectory, string logsDirectory, TimeSpan? shutdownGrace = null)
    {
        if (spec.Command.Count == 0 || spec.Command[0].Length == 0)
        {
            throw new ArgumentException("trainer.process.command must name a program");
        }
        _workingDirectory = Path.GetFullPath(workingDirectory);
        _logsDirectory = Path.GetFullPath(logsDirectory);
        _program = ResolveProgram(spec.Command[0], _workingDirectory);
        _arguments = [.. spec.Command.Skip(1)];
        _environment = [.. spec.Env];
        _shutdownGrace = shutdownGrace ?? DefaultShutdownGrace;
        _template = TrainRequestTemplate.Create(spec, space);
    }

    /// <summary>The operating system's id of the running trainer process, or null when none runs.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Where the stderr of an attempt at a trial goes.</summary>
    public string LogPath(string searchId, long trialNumber) =>
        Path.Combine(_logsDirectory, SafeFileName(searchId), trialNumber.ToString(CultureInfo.InvariantCulture) + ".log");

    /// <inheritdoc />
    /// <remarks>
    /// A cancelled token kills the process tree and fails the trial as timed out. A process that exits, writes a line
    /// that is not a response, or answers another trial is discarded, and the next trial starts a fresh one; a
    /// response carrying an error fails the trial but keeps the process.
    /// </remarks>
    public async Task<TrialOutcome> TrainAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _busy, 1) == 1)
        {
            throw new InvalidOperationException("a process trainer trains one trial at a time");
        }
        try
        {
            return await TrainOnceAsync(job, cancellationToken);
        }
        catch (TrainerException e)
        {
            throw new TrainerException(e.Message, e.InnerException) { LogTail = TrialLog.Tail(LogPath(job.SearchId, job.TrialNumber)) };
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_process is { } process)
        {
            _process = null;
            await process.CloseAsync(_shutdownGrace);
            await process.DisposeAsync();
        }
    }

    private async Task<TrialOutcome> TrainOnceAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        var request = _template.For(job);
        var started = Stopwatch.GetTimestamp();
        var log = OpenLog(job);
        if (_process is { HasExited: true } dead)
        {
            _process = null;
            await dead.DisposeAsync();
        }
        try
        {
            _process ??= TrainerProcess.Start(_program, _arguments, _workingDirectory, _environment);
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }
        var process = _process;
        process.LogTo(log);
        // Killing the process ends a pending read or write at once, whatever the stream supports.
        await using var onCancel = cancellationToken.Register(process.Kill);
        try
        {
            await process.WriteLineAsync(Formatter.Format(request), cancellationToken);
            while (await process.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                var response = Parse(line) ?? throw await DiscardAsync($"trainer wrote a line that is not a TrainResponse: '{Quote(line)}'");
                if (!request.TrialId.Equals(response.TrialId))
                {
                    throw await DiscardAsync($"trainer answered trial {Describe(response.TrialId)} while trial {Describe(request.TrialId)} was running");
                }
                return TrainResponses.ToOutcome(response);
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            throw await TimedOutAsync(started, e);
        }
        catch (IOException)
        {
            // Writing to a process that has died breaks the pipe; its exit code tells why.
        }
        if (cancellationToken.IsCancellationRequested)
        {
            throw await TimedOutAsync(started, null);
        }
        throw await ExitedAsync();
    }

    private static TrainResponse? Parse(string line)
    {
        try
        {
            return Parser.Parse<TrainResponse>(line);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return null;
        }
    }

    private async Task<TrainerException> TimedOutAsync(long started, Exception? inner)
    {
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await DropProcessAsync();
        return new TrainerException(string.Create(CultureInfo.InvariantCulture, $"timed out after {seconds:0.0} s"), inner);
    }

    private async Task<TrainerException> ExitedAsync()
    {
        var process = _process!;
        _process = null;
        var code = await process.WaitForExitAsync(_shutdownGrace);
        var last = process.RecentErrors(1);
        await process.DisposeAsync();
        var why = last.Count == 0 ? "(no stderr output)" : Quote(last[0]);
        return new TrainerException(code is { } exitCode
            ? $"trainer process exited with code {exitCode}: {why}"
            : $"trainer process closed its stdout without exiting: {why}");
    }

    private async Task<TrainerException> DiscardAsync(string reason)
    {
        var recent = _process!.RecentErrors(ReasonLines);
        await DropProcessAsync();
        return new TrainerException(recent.Count == 0 ? reason : $"{reason}; stderr: {string.Join(" | ", recent.Select(Quote))}");
    }

    private async Task DropProcessAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            process.Kill();
            await process.DisposeAsync();
        }
    }

    private StreamWriter OpenLog(TrainingJob job)
    {
        var path = LogPath(job.SearchId, job.TrialNumber);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var writer = new StreamWriter(path, append: true, Utf8) { AutoFlush = true };
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--- trial {job.SearchId}/{job.TrialNumber}, attempt {job.Attempt} ---"));
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrainerException($"cannot open the trial log '{path}': {e.Message}", e);
        }
    }

    private static string ResolveProgram(string program, string workingDirectory) =>
        Path.IsPathRooted(program) || !program.Contains('/') ? program : Path.GetFullPath(Path.Combine(workingDirectory, program));

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. name.Select(c => invalid.Contains(c) || c == '\\' ? '_' : c)]);
        return safe is "" or "." or ".." ? "_" : safe;
    }

    private static string Describe(TrialId? id) =>
        id is null ? "(none)" : string.Create(CultureInfo.InvariantCulture, $"{id.SearchId}/{id.TrialNumber}");

    private static string Quote(string text) => text.Length <= QuotedLength ? text : text[..QuotedLength] + "…";
}
