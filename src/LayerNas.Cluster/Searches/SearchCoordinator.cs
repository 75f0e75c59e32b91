using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Google.Protobuf;
using LayerNas.Core.Search;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// Runs one search: a persistent shell around <see cref="SearchState"/>. It dispatches the trials the strategy
/// proposes, persists each final result before acting on it, and persists the result once the search is done.
/// </summary>
/// <remarks>
/// Results are written in batches: while one batch is being written, the next ones queue up and go out together, so
/// the journal sees one write per batch however many trials finish at once. Recovery replays the persisted results
/// into a fresh state before its first proposal, so the strategy proposes, and numbers, the same trials as before and
/// only the unfinished ones are dispatched again.
/// </remarks>
public sealed class SearchCoordinator : ReceivePersistentActor
{
    private readonly string _searchId;
    private readonly SearchSpec _spec;
    private readonly Func<SearchSpec, CompiledSearch> _compile;
    private readonly IActorRef _dispatcher;
    private readonly SearchManagerSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    // Every persisted result, as persisted: replayed into the state on start, and written whole into snapshots.
    private readonly List<TrialCompleted> _completed = [];
    private readonly List<TrialFailed> _failed = [];
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly Dictionary<long, string> _nodeOfTrial = [];
    private readonly List<IActorRef> _cancelWaiters = [];
    private List<BufferedResult> _buffer = [];
    private readonly HashSet<long> _buffered = [];
    private CompiledSearch? _search;
    private SearchState? _state;
    private SearchFinished? _finished;
    private SearchCancelled? _cancelled;
    private string? _error;
    private SettledTrial? _best;
    private bool _writing;
    private long _eventsSinceSnapshot;

    /// <summary>Creates the coordinator of a search; see <see cref="Props"/>.</summary>
    public SearchCoordinator(string searchId, SearchSpec spec, Func<SearchSpec, CompiledSearch> compile, IActorRef dispatcher, SearchManagerSettings settings)
    {
        _searchId = searchId;
        _spec = spec;
        _compile = compile;
        _dispatcher = dispatcher;
        _settings = settings;

        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (SearchCoordinatorSnapshot)offer.Snapshot;
            _completed.AddRange(snapshot.Completed);
            _failed.AddRange(snapshot.Failed);
            _cancelled = snapshot.Cancelled;
            _finished = snapshot.Finished;
        });
        Recover<TrialCompleted>(_completed.Add);
        Recover<TrialFailed>(_failed.Add);
        Recover<SearchCancelled>(e => _cancelled = e);
        Recover<SearchFinished>(e => _finished = e);
        Recover<RecoveryCompleted>(_ => Start());

        Command<TrialResults>(OnResults);
        Command<CancelSearch>(OnCancel);
        Command<SubscribeToSearch>(_ =>
        {
            if (_subscribers.Add(Sender))
            {
                Context.Watch(Sender);
            }
            Sender.Tell(Current());
        });
        Command<GetSearchStatus>(_ => Sender.Tell(Status()));
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => _log.Warning(f.Cause, "Snapshot of search {0} failed; recovery replays the journal instead", _searchId));
    }

    /// <inheritdoc />
    public override string PersistenceId => PersistenceIdOf(_searchId);

    /// <summary>The journal id of a search's coordinator.</summary>
    public static string PersistenceIdOf(string searchId) => $"search-{searchId}";

    /// <summary>Props of the coordinator of a search; <paramref name="compile"/> turns its spec into the objects that search it.</summary>
    public static Props Props(string searchId, SearchSpec spec, Func<SearchSpec, CompiledSearch> compile, IActorRef dispatcher, SearchManagerSettings settings) =>
        Akka.Actor.Props.Create(() => new SearchCoordinator(searchId, spec, compile, dispatcher, settings));

    private void Start()
    {
        if (_finished is not null)
        {
            Context.Parent.Tell(_finished);
            return;
        }
        try
        {
            _search = _compile(_spec);
        }
        catch (Exception e)
        {
            _error = $"search {_searchId} cannot go on: {e.Message}";
            _log.Error(e, "Search {0} cannot go on", _searchId);
            Context.Parent.Tell(new SearchError { SearchId = _searchId, Reason = _error });
            return;
        }
        _state = _search.NewState();
        foreach (var completed in _completed)
        {
            _state.Recover(completed.Architecture.ToArchitecture(), completed.ToOutcome(), null, 1);
            _nodeOfTrial[completed.TrialNumber] = NodeOf(completed.Worker);
        }
        foreach (var failed in _failed)
        {
            _state.Recover(failed.Architecture.ToArchitecture(), null, failed.Reason, failed.Attempts);
        }
        var recovered = _completed.Count + _failed.Count;
        _state.TakeNewTrials();
        foreach (var trial in _state.Settled)
        {
            OfferBest(trial);
        }
        if (_cancelled is not null)
        {
            // Cancelled just before its end was recorded: record it now, without training anything.
            Finish("cancelled", () => { });
            return;
        }
        if (recovered > 0)
        {
            _log.Info("Search {0} recovered {1} settled trials; {2} to train again", _searchId, recovered, _state.PendingCount);
        }
        Dispatch(_state.PendingTrials.ToList());
        AfterProgress();
    }

    private void OnResults(TrialResults results)
    {
        var duplicates = new LeasesClosed();
        foreach (var result in results.Results)
        {
            if (!Buffer(result))
            {
                duplicates.LeaseIds.Add(result.LeaseId);
            }
        }
        Acknowledge(Sender, duplicates);
        Flush();
    }

    /// <summary>Queues a pending trial's result for the next journal write; false for a result of a trial that is not pending (or already queued).</summary>
    private bool Buffer(TrialResult result)
    {
        if (_state is null || _cancelled is not null || !_state.IsPending(result.TrialNumber) || !_buffered.Add(result.TrialNumber))
        {
            return false;
        }
        var architecture = _state.PendingTrial(result.TrialNumber)!.Architecture;
        IMessage recorded = result.ResultCase == TrialResult.ResultOneofCase.Outcome
            ? new TrialCompleted
            {
                SearchId = _searchId,
                TrialNumber = result.TrialNumber,
                Architecture = { architecture.Choices.ToArray() },
                Reward = result.Outcome.Reward,
                Metrics = { result.Outcome.Metrics },
                Worker = result.Worker,
                Seconds = result.Seconds,
            }
            : new TrialFailed
            {
                SearchId = _searchId,
                TrialNumber = result.TrialNumber,
                Architecture = { architecture.Choices.ToArray() },
                Reason = result.FailureReason,
                Attempts = result.Attempt,
            };
        _buffer.Add(new BufferedResult(recorded, result, Sender));
        return true;
    }

    private void Flush()
    {
        if (_writing || _buffer.Count == 0)
        {
            return;
        }
        var batch = _buffer;
        _buffer = [];
        _writing = true;
        PersistAllAsync(batch.Select(b => b.Event), _ => { });
        DeferAsync(batch, Apply);
    }

    private void Apply(List<BufferedResult> batch)
    {
        var acknowledgements = new Dictionary<IActorRef, LeasesClosed>();
        foreach (var (recorded, result, sender) in batch)
        {
            _buffered.Remove(result.TrialNumber);
            switch (recorded)
            {
                case TrialCompleted completed:
                    _completed.Add(completed);
                    break;
                case TrialFailed failed:
                    _failed.Add(failed);
                    break;
            }
            var architecture = _state!.PendingTrial(result.TrialNumber)!.Architecture;
            if (result.ResultCase == TrialResult.ResultOneofCase.Outcome)
            {
                var outcome = result.Outcome.ToOutcome();
                _state.Complete(result.TrialNumber, outcome, result.Attempt);
                _nodeOfTrial[result.TrialNumber] = NodeOf(result.Worker);
                OfferBest(new SettledTrial(result.TrialNumber, architecture, _search!.Problem.CostModel.Cost(architecture), outcome, null, result.Attempt));
            }
            else
            {
                _state.Fail(result.TrialNumber, result.FailureReason, result.Attempt);
            }
            (acknowledgements.TryGetValue(sender, out var closed) ? closed : acknowledgements[sender] = new LeasesClosed()).LeaseIds.Add(result.LeaseId);
        }
        foreach (var (sender, closed) in acknowledgements)
        {
            Acknowledge(sender, closed);
        }
        _eventsSinceSnapshot += batch.Count;
        _writing = false;
        if (_cancelled is not null)
        {
            CompleteCancel();
            return;
        }
        Dispatch(_state!.TakeNewTrials());
        AfterProgress();
        // A snapshot holds every settled trial, so snapshots grow apart as the search grows: the bytes written stay
        // proportional to the trials, and recovery still replays at most half as many events as the snapshot holds.
        if (_finished is null && _eventsSinceSnapshot >= Math.Max(_settings.SnapshotEvery, _state!.Settled.Count / 2))
        {
            SaveSnapshot(Snapshot());
            _eventsSinceSnapshot = 0;
        }
        Flush();
    }

    private void OnCancel(CancelSearch cancel)
    {
        if (_finished is not null || _error is not null || _state is null)
        {
            Sender.Tell(new SearchCancelAccepted { SearchId = _searchId, AlreadyEnded = true });
            return;
        }
        _cancelWaiters.Add(Sender);
        if (_cancelled is not null)
        {
            return;
        }
        _cancelled = new SearchCancelled { SearchId = _searchId, Reason = cancel.Reason };
        // Workers stop getting its trials at once; results still on their way are acknowledged and dropped.
        _dispatcher.Tell(new WithdrawSearch { SearchId = _searchId });
        _log.Info("Search {0} cancelled: {1}", _searchId, cancel.Reason);
        if (!_writing)
        {
            CompleteCancel();
        }
    }

    private void CompleteCancel()
    {
        foreach (var bySender in _buffer.GroupBy(b => b.Sender))
        {
            Acknowledge(bySender.Key, new LeasesClosed { LeaseIds = { bySender.Select(b => b.Result.LeaseId) } });
        }
        _buffer.Clear();
        _buffered.Clear();
        Persist(_cancelled!, _ => { });
        Finish("cancelled", () =>
        {
            foreach (var waiter in _cancelWaiters)
            {
                waiter.Tell(new SearchCancelAccepted { SearchId = _searchId });
            }
            _cancelWaiters.Clear();
        });
    }

    private void AfterProgress()
    {
        // The last update goes out too, so a watcher's final line shows the final best.
        var progress = Progress();
        foreach (var subscriber in _subscribers)
        {
            subscriber.Tell(progress);
        }
        if (_state!.IsDone)
        {
            Finish("finished", () => { });
        }
    }

    private void Finish(string status, Action recorded)
    {
        var result = SearchResultBuilder.Build(_searchId, _search!, _state!, status);
        Persist(new SearchFinished { SearchId = _searchId, Result = result, TrainedByNode = { TrainedByNode() } }, finished =>
        {
            _finished = finished;
            recorded();
            SaveSnapshot(Snapshot());
            _dispatcher.Tell(new WithdrawSearch { SearchId = _searchId });
            foreach (var subscriber in _subscribers)
            {
                subscriber.Tell(finished);
            }
            Context.Parent.Tell(finished);
            _log.Info("Search {0} {1}: {2} trained, {3} failed, {4} cached", _searchId, status, result.TrialsTrained, result.TrialsFailed, result.TrialsCached);
        });
    }

    private void Dispatch(IReadOnlyList<Trial> trials)
    {
        if (trials.Count == 0)
        {
            return;
        }
        var space = _search!.Problem.Space;
        var message = new DispatchTrials { SearchId = _searchId, Spec = _spec };
        message.Trials.AddRange(trials.Select(t => new ReadyTrial
        {
            TrialNumber = t.Number,
            Architecture = { t.Architecture.Choices.ToArray() },
            OptionNames = { space.Names(t.Architecture) },
            Priority = t.Priority,
        }));
        _dispatcher.Tell(message);
    }

    private void OfferBest(SettledTrial trial)
    {
        if (!trial.Succeeded || !_search!.Problem.Target.Contains(trial.Cost))
        {
            return;
        }
        if (_best is null || SettledRanking.Instance.Compare(trial, _best) < 0)
        {
            _best = trial;
        }
    }

    private IMessage Current() => _finished is not null ? _finished
        : _error is not null ? new SearchError { SearchId = _searchId, Reason = _error }
        : Progress();

    private SearchProgressUpdate Progress()
    {
        var update = new SearchProgressUpdate { SearchId = _searchId };
        if (_state is null)
        {
            return update;
        }
        var progress = _state.Progress;
        update.Stage = progress.Stage;
        update.Stages = progress.Stages;
        update.Done = progress.Done;
        update.Total = progress.Total;
        update.TrialsTrained = _state.TrialsTrained;
        update.TrialsCached = _state.TrialsCached;
        update.TrialsFailed = _state.TrialsFailed;
        update.TrialsRunning = _state.PendingCount;
        if (_best is not null)
        {
            var best = new Candidate
            {
                Architecture = { _search!.Problem.Space.Names(_best.Architecture) },
                Reward = _best.Outcome!.Reward,
                Cost = _best.Cost,
            };
            best.Metrics.Add(_best.Outcome.Metrics);
            update.Best = best;
        }
        return update;
    }

    private SearchStatus Status()
    {
        var status = new SearchStatus { SearchId = _searchId, Name = _spec.Name, LayerNames = { _spec.Layers.Select(l => l.Name) } };
        if (_finished is not null)
        {
            status.State = _finished.Result.Status;
            status.Result = _finished.Result;
            status.TrainedByNode.Add(_finished.TrainedByNode);
        }
        else if (_error is not null)
        {
            status.State = "failed";
            status.Error = _error;
        }
        else
        {
            status.State = "running";
            status.Progress = Progress();
            status.TrainedByNode.Add(TrainedByNode());
        }
        return status;
    }

    private SearchCoordinatorSnapshot Snapshot() => new() { Completed = { _completed }, Failed = { _failed }, Finished = _finished, Cancelled = _cancelled };

    private Dictionary<string, long> TrainedByNode() => _nodeOfTrial.Values
        .Where(node => node.Length > 0)
        .GroupBy(node => node)
        .ToDictionary(g => g.Key, g => (long)g.Count());

    /// <summary>The node part of a worker slot's name (its actor path), which is how users tell workers apart.</summary>
    private static string NodeOf(string worker) =>
        ActorPath.TryParse(worker, out var path) ? path.Address.ToString() : worker;

    private static void Acknowledge(IActorRef sender, LeasesClosed closed)
    {
        if (closed.LeaseIds.Count > 0 && !sender.IsNobody())
        {
            sender.Tell(closed);
        }
    }

    private sealed record BufferedResult(IMessage Event, TrialResult Result, IActorRef Sender);
}
