using Google.Protobuf;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>
/// One search as a pure ledger: commands are decided into events, events are applied, and every question about the
/// search (progress, status, best so far, trials, result) is answered from what was applied. The coordinator actor
/// persists what the ledger decides and applies it; recovery applies the journal's events through the same
/// <see cref="Apply"/>, so a recovered search is the search that was running.
/// </summary>
/// <remarks>
/// Applying a result lets the strategy propose at once, so the trials created, and their numbers, follow from the
/// sequence of applied events alone: replaying a journal in order re-creates every trial under the number it had,
/// even for strategies whose proposals depend on the order results arrive in.
/// </remarks>
public sealed class SearchLedger
{
    private readonly SearchState _state;
    private readonly SettledLog _log = new();
    private readonly Dictionary<Architecture, TrialCompleted> _imports = [];
    private SettledTrial? _best;

    private SearchLedger(string searchId, CompiledSearch search)
    {
        SearchId = searchId;
        Search = search;
        _state = search.NewState();
        _state.TakeNewTrials();
    }

    /// <summary>The search's id.</summary>
    public string SearchId { get; }

    /// <summary>The compiled spec it searches.</summary>
    public CompiledSearch Search { get; }

    /// <summary>The search state around its strategy (read-only use: memo tables, counts).</summary>
    public SearchState State => _state;

    /// <summary>The cancellation, once applied.</summary>
    public SearchCancelled? Cancelled { get; private set; }

    /// <summary>The trials reused from other searches, once their import is applied (always the search's first event).</summary>
    public TrialsImported? Imported { get; private set; }

    /// <summary>The search's end (finished or cancelled, as its result's status says), once applied.</summary>
    public SearchFinished? Finished { get; private set; }

    /// <summary>Settled trials in the order they were applied.</summary>
    public IReadOnlyList<LedgerRecord> Applied => _log.Applied;

    /// <summary>Settled trials by trial number.</summary>
    public IReadOnlyList<LedgerRecord> Trials => _log.ByNumber;

    /// <summary>Trials created and not yet settled, by number: what a (recovered) coordinator dispatches.</summary>
    public IReadOnlyList<Trial> PendingTrials => [.. _state.PendingTrials];

    /// <summary>The best trained trial inside the cost target so far, by <see cref="SettledRanking"/>.</summary>
    public SettledTrial? Best => _best;

    /// <summary>Whether the search should record its end now: its strategy is done, or it was cancelled, and no end is recorded yet.</summary>
    public bool ShouldEnd => Finished is null && (Cancelled is not null || _state.IsDone);

    /// <summary>A new search: its first trials are proposed and pending.</summary>
    public static SearchLedger Start(string searchId, CompiledSearch search) => new(searchId, search);

    /// <summary>Decides which results of a batch settle a pending trial, as the events that record them at <paramref name="nowUnixMs"/>.</summary>
    public ResultsDecision Decide(IReadOnlyList<TrialResult> results, long nowUnixMs)
    {
        var events = new List<IMessage>();
        var ignored = new List<TrialResult>();
        var settled = new HashSet<long>();
        foreach (var result in results)
        {
            if (Cancelled is not null || Finished is not null || _state.PendingTrial(result.TrialNumber) is not { } trial || !settled.Add(result.TrialNumber))
            {
                ignored.Add(result);
                continue;
            }
            var failure = result.ResultCase == TrialResult.ResultOneofCase.Outcome ? FiniteOutcome.Problem(result.Outcome) : result.FailureReason;
            events.Add(failure is null
                ? new TrialCompleted
                {
                    SearchId = SearchId,
                    TrialNumber = result.TrialNumber,
                    Architecture = { trial.Architecture.Choices.ToArray() },
                    Reward = result.Outcome.Reward,
                    Metrics = { result.Outcome.Metrics },
                    Worker = result.Worker,
                    Seconds = result.Seconds,
                    Attempts = result.Attempt,
                    RecordedUnixMs = nowUnixMs,
                }
                : new TrialFailed
                {
                    SearchId = SearchId,
                    TrialNumber = result.TrialNumber,
                    Architecture = { trial.Architecture.Choices.ToArray() },
                    Reason = failure,
                    Attempts = result.Attempt,
                    RecordedUnixMs = nowUnixMs,
                    LogTail = result.LogTail,
                });
        }
        return new ResultsDecision(events, ignored);
    }

    /// <summary>Decides a cancellation: the event that records it, or none when the search is already cancelled or has ended.</summary>
    public IReadOnlyList<IMessage> DecideCancel(string reason) => Cancelled is null && Finished is null
        ? [new SearchCancelled { SearchId = SearchId, Reason = reason }]
        : [];

    /// <summary>Decides the search's end once <see cref="ShouldEnd"/>: the event that records its result at <paramref name="nowUnixMs"/>; null otherwise.</summary>
    public SearchFinished? DecideEnd(long nowUnixMs) => ShouldEnd
        ? new SearchFinished
        {
            SearchId = SearchId,
            Result = SearchResultBuilder.Build(SearchId, Search, _state, Cancelled is null ? "finished" : "cancelled"),
            TrainedByNode = { _log.TrainedByNode },
            EndedUnixMs = nowUnixMs,
        }
        : null;

    /// <summary>
    /// Applies an event, live or replayed, and returns the trials it made the strategy create. Throws
    /// <see cref="InvalidOperationException"/> for a result that does not settle a pending trial of this search
    /// (a journal that does not belong to this spec).
    /// </summary>
    public IReadOnlyList<Trial> Apply(IMessage @event)
    {
        switch (@event)
        {
            case TrialCompleted completed:
                var outcome = completed.ToOutcome();
                var attempts = Math.Max(1, completed.Attempts);
                var trained = Settle(completed.TrialNumber, completed.Architecture, () => _state.Complete(completed.TrialNumber, outcome, attempts));
                _log.Add(new LedgerRecord(trained, completed.Worker, completed.Seconds, completed.RecordedUnixMs));
                OfferBest(trained);
                return LogReused(_state.TakeNewTrials());
            case TrialFailed failed:
                var lost = Settle(failed.TrialNumber, failed.Architecture, () => _state.Fail(failed.TrialNumber, failed.Reason, Math.Max(1, failed.Attempts)));
                _log.Add(new LedgerRecord(lost, "", 0, failed.RecordedUnixMs, failed.LogTail));
                return LogReused(_state.TakeNewTrials());
            case TrialsImported imported:
                return LogReused(Import(imported));
            case SearchCancelled cancelled:
                Cancelled = cancelled;
                return [];
            case SearchFinished finished:
                Finished = finished;
                return [];
            default:
                throw new ArgumentException($"a search ledger does not apply {@event.Descriptor.Name}", nameof(@event));
        }
    }

    /// <summary>Where the search stands, as progress displays show it.</summary>
    public SearchProgressUpdate Progress()
    {
        var progress = _state.Progress;
        return new SearchProgressUpdate
        {
            SearchId = SearchId,
            Stage = progress.Stage,
            Stages = progress.Stages,
            Done = progress.Done,
            Total = progress.Total,
            TrialsTrained = _state.TrialsTrained,
            TrialsCached = _state.TrialsCached,
            TrialsFailed = _state.TrialsFailed,
            TrialsReused = _state.TrialsReused,
            TrialsRunning = _state.PendingCount,
            Best = _best is null ? null : SearchResultBuilder.Candidate(Search, _best),
            PassNumber = progress.Pass,
        };
    }

    /// <summary>The search's status: its progress while it runs, its result once it has ended.</summary>
    public SearchStatus Status()
    {
        var status = SearchStatuses.Of(SearchId, Search.Spec);
        if (Finished is { } finished)
        {
            status.State = finished.Result.Status;
            status.Result = finished.Result;
            status.TrainedByNode.Add(finished.TrainedByNode);
            status.EndedUnixMs = finished.EndedUnixMs;
        }
        else
        {
            status.State = "running";
            status.Progress = Progress();
            status.TrainedByNode.Add(_log.TrainedByNode);
        }
        return status;
    }

    private IReadOnlyList<Trial> Import(TrialsImported imported)
    {
        if (Imported is not null || _log.Applied.Count > 0 || Cancelled is not null || Finished is not null)
        {
            throw new InvalidOperationException($"search {SearchId}: reused trials are imported before anything else is recorded; its journal does not match its spec");
        }
        var space = Search.Problem.Space;
        var trials = imported.Trials.Select(t => (Architecture: new Architecture([.. t.Architecture]), Trial: t)).ToList();
        if (trials.FirstOrDefault(t => t.Architecture.Length != space.Depth || Enumerable.Range(0, space.Depth).Any(l => t.Architecture[l] < 0 || t.Architecture[l] >= space.OptionCount(l))) is { Trial: { } outside })
        {
            throw new InvalidOperationException($"search {SearchId}: reused trial {outside.SearchId}/{outside.TrialNumber} ({string.Join(':', outside.Architecture)}) is not in its space; its journal does not match its spec");
        }
        Imported = imported;
        foreach (var (architecture, trial) in trials)
        {
            _imports.TryAdd(architecture, trial);
        }
        return _state.Reuse(_imports.Select(i => (i.Key, i.Value.ToOutcome(), Math.Max(1, i.Value.Attempts))));
    }

    /// <summary>Records the trials that settled from reused outcomes, and passes on the trials created.</summary>
    private IReadOnlyList<Trial> LogReused(IReadOnlyList<Trial> created)
    {
        foreach (var trial in _state.TakeReused())
        {
            var source = _imports[trial.Architecture];
            _log.Add(new LedgerRecord(trial, source.Worker, source.Seconds, source.RecordedUnixMs, ReusedFrom: source.SearchId));
            OfferBest(trial);
        }
        return created;
    }

    private SettledTrial Settle(long number, IReadOnlyList<int> architecture, Func<bool> settle)
    {
        var pending = _state.PendingTrial(number);
        if (pending is null || !pending.Architecture.Choices.SequenceEqual(architecture.ToArray()) || !settle())
        {
            throw new InvalidOperationException(
                $"search {SearchId}: trial {number} ({string.Join(':', architecture)}) is not a pending trial of this search; its journal does not match its spec");
        }
        return _state.Lookup(pending.Architecture)!;
    }

    private void OfferBest(SettledTrial trial)
    {
        if (Search.InAnyTarget(trial.Cost) && (_best is null || SettledRanking.Instance.Compare(trial, _best) < 0))
        {
            _best = trial;
        }
    }
}
