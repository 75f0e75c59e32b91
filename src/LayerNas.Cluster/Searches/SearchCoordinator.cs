using System.Diagnostics;
using Akka.Actor;
using Akka.Event;
using Google.Protobuf;
using LayerNas.Cluster.Metrics;
using LayerNas.Core;
using LayerNas.Core.Ledger;
using LayerNas.Core.Search;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// Runs one search: a persistent shell around its <see cref="SearchLedger"/>. It has the ledger decide, persists the
/// events, applies them, and tells the dispatcher, the manager and subscribers what changed. Recovery applies the
/// newest snapshot and the journal after it through the same <see cref="SearchLedger.Apply"/>.
/// </summary>
/// <remarks>
/// Phases: <c>Importing</c>, for a new search that reuses trials, while it reads its sources' trials through its
/// manager and records them as its first event, before anything is dispatched; <c>Running</c>; <c>Writing</c> while a
/// batch of results is written (results arriving meanwhile wait and go out together, so the journal sees one write per
/// batch); <c>Ended</c>, answering questions until its manager stops it once idle. Only command handlers persist: a
/// handler that leaves something to do tells itself <see cref="Proceed"/>.
/// </remarks>
public sealed class SearchCoordinator : CompactingPersistentActor
{
    private readonly CompiledSearch _search;
    private readonly IActorRef _dispatcher;
    private readonly SearchManagerSettings _settings;
    private readonly Subscribers _subscribers;
    private readonly ResultInbox _inbox = new();
    private readonly LayerNasMetrics _metrics;
    private readonly long _submittedUnixMs;
    private readonly IReadOnlyList<string> _cacheSources;
    private TrialCacheReading? _reading;
    private SearchLedger? _ledger;
    private IActorRef? _cancelWaiter;
    private long _writeStarted;

    /// <summary>Creates the coordinator of a search; see <see cref="Props"/>.</summary>
    public SearchCoordinator(SearchSubmitted submitted, CompiledSearch search, IActorRef dispatcher, SearchManagerSettings settings, LayerNasMetrics metrics)
    {
        var searchId = submitted.SearchId;
        (SearchId, _search, _dispatcher, _settings, _subscribers) = (searchId, search, dispatcher, settings, new Subscribers(Context));
        (_metrics, _submittedUnixMs, _cacheSources) = (metrics, submitted.SubmittedUnixMs, [.. submitted.TrialCacheSources]);
        RecoverWith(snapshot => _ledger = snapshot is SearchCoordinatorSnapshot legacy
            ? LedgerSnapshots.Restore(searchId, search, legacy)
            : LedgerSnapshots.Restore(search, (SearchLedgerSnapshot)snapshot), e => Ledger.Apply((IMessage)e));
        Recover<Akka.Persistence.RecoveryCompleted>(_ => Begin());
    }

    /// <summary>The search's id.</summary>
    public string SearchId { get; }

    /// <inheritdoc />
    public override string PersistenceId => PersistenceIdOf(SearchId);

    /// <inheritdoc />
    protected override string Subject => $"search {SearchId}";

    private SearchLedger Ledger => _ledger ??= SearchLedger.Start(SearchId, _search);

    /// <summary>The journal id of a search's coordinator.</summary>
    public static string PersistenceIdOf(string searchId) => $"search-{searchId}";

    /// <summary>Props of the coordinator of a submitted search, compiled once by its manager, that reports what it records to <paramref name="metrics"/>.</summary>
    public static Props Props(SearchSubmitted submitted, CompiledSearch search, IActorRef dispatcher, SearchManagerSettings settings, LayerNasMetrics metrics) =>
        Akka.Actor.Props.Create(() => new SearchCoordinator(submitted, search, dispatcher, settings, metrics));

    /// <inheritdoc />
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Context.Parent.Tell(new SearchError { SearchId = SearchId, Reason = $"search {SearchId} cannot be recovered: {reason.Message}" });
        base.OnRecoveryFailure(reason, message);
    }

    private void Begin()
    {
        CompactAfterRecovery();
        if (Ledger.Finished is { } finished)
        {
            Become(Ended);
            SnapshotWhen(SinceSnapshot > 0, () => LedgerSnapshots.Of(Ledger));
            Context.Parent.Tell(finished);
            return;
        }
        if (Ledger.Applied.Count > 0)
        {
            Context.GetLogger().Info("Search {0} recovered {1} settled trials; {2} to train again", SearchId, Ledger.Applied.Count, Ledger.State.PendingCount);
        }
        if (_cacheSources.Count > 0 && Ledger.Imported is null && Ledger.Applied.Count == 0 && Ledger.Cancelled is null)
        {
            _reading = new TrialCacheReading(SearchId, _search.Problem.Space, _cacheSources);
            Become(Importing);
            AskOrRecord();
            return;
        }
        Open();
    }

    /// <summary>Opens the search for dispatch and starts running it.</summary>
    private void Open()
    {
        _dispatcher.Tell(new OpenSearch { SearchId = SearchId, Spec = _search.Spec });
        Dispatch(Ledger.PendingTrials);
        Become(Running);
        Stash.UnstashAll();
        // A search cancelled just before its end was recorded, or with nothing to train, ends at once.
        Self.Tell(Proceed.Instance);
    }

    private void Importing()
    {
        Context.SetReceiveTimeout(_settings.TrialCacheSourceTimeout);
        Command<SearchTrials>(page => _reading!.IsReading(page.SearchId), page =>
        {
            _reading!.Take(page);
            AskOrRecord();
        });
        Command<SearchNotFound>(m => _reading!.IsReading(m.SearchId), _ => PassOver());
        Command<SearchError>(m => _reading!.IsReading(m.SearchId), _ => PassOver());
        Command<ReceiveTimeout>(_ => _reading!.Reading is not null, _ =>
        {
            Context.GetLogger().Warning("Search {0}: search {1} did not answer for its trials; they are trained again", SearchId, _reading!.Reading);
            PassOver();
        });
        Command<TrialResults>(_ => Stash.Stash());
        Command<CancelSearch>(_ => Stash.Stash());
        Command<Proceed>(_ => { });
        Questions();
    }

    private void PassOver()
    {
        _reading!.PassOver();
        AskOrRecord();
    }

    /// <summary>Asks for the next page of trials to reuse, or records what was read as the search's first event once every source is read.</summary>
    private void AskOrRecord()
    {
        if (_reading!.Question is { } question)
        {
            Context.Parent.Tell(question);
            return;
        }
        Context.SetReceiveTimeout(null);
        Persist(_reading.Event(), imported =>
        {
            var cached = Ledger.State.TrialsCached;
            Ledger.Apply(imported);
            _metrics.TrialsSettled([], 0, Ledger.State.TrialsCached - cached);
            Context.GetLogger().Info("Search {0} may reuse {1} trials of {2}; {3} reused so far", SearchId, imported.Trials.Count, string.Join(", ", imported.Sources), Ledger.State.TrialsReused);
            _reading = null;
            _subscribers.Tell(Ledger.Progress());
            Persisted(1);
            Open();
        });
    }

    private void Running()
    {
        Command<TrialResults>(results =>
        {
            _inbox.Add(results, Sender);
            Write();
        });
        Command<Proceed>(_ =>
        {
            if (!EndIfDue())
            {
                Write();
            }
        });
        Command<CancelSearch>(Cancel);
        Questions();
    }

    private void Writing()
    {
        Command<TrialResults>(results => _inbox.Add(results, Sender));
        // Applying the batch being written proceeds; a cancellation waits for it, so it never overtakes a recorded result.
        Command<Proceed>(_ => { });
        Command<CancelSearch>(_ => Stash.Stash());
        Questions();
    }

    private void Ended()
    {
        Context.SetReceiveTimeout(_settings.IdleCoordinator);
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new CoordinatorIdle(SearchId)));
        Command<TrialResults>(results => ResultInbox.Acknowledge(results.Results.Select(r => (r, Sender))));
        Command<Proceed>(_ => { });
        Command<CancelSearch>(_ => Sender.Tell(new SearchCancelAccepted { SearchId = SearchId, AlreadyEnded = true }));
        Questions();
    }

    private void Questions()
    {
        Command<SubscribeToSearch>(_ =>
        {
            _subscribers.Add(Sender);
            Sender.Tell(Ledger.Finished is { } finished ? finished : Ledger.Progress());
        });
        Command<GetSearchStatus>(_ =>
        {
            var status = Ledger.Status();
            status.SubmittedUnixMs = _submittedUnixMs;
            Sender.Tell(status);
        });
        Command<GetSearchTrials>(m => Sender.Tell(TrialRecords.Page(Ledger, m.Offset)));
        Command<QueryTrials>(m => Sender.Tell(TrialQueries.Run(Ledger, m)));
        Command<GetMemoTables>(m => Sender.Tell(MemoTables.Of(Ledger, m.Depth, m.Target)));
        Command<GetTrialPoints>(m => Sender.Tell(TrialPoints.Page(Ledger, m.Offset)));
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        CompactionAnswers();
    }

    private void Write()
    {
        var batch = _inbox.Take();
        var decision = Ledger.Decide([.. batch.Select(b => b.Result)], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var ignored = decision.Ignored.ToHashSet(ReferenceEqualityComparer.Instance);
        ResultInbox.Acknowledge(batch.Where(b => ignored.Contains(b.Result)));
        if (decision.Events.Count > 0)
        {
            Become(Writing);
            _writeStarted = Stopwatch.GetTimestamp();
            PersistAllAsync(decision.Events, _ => { });
            DeferAsync(batch.Where(b => !ignored.Contains(b.Result)).ToList(), written => Applied(decision.Events, written));
        }
    }

    private void Applied(IReadOnlyList<IMessage> events, IReadOnlyList<(TrialResult Result, IActorRef Sender)> written)
    {
        _metrics.ResultsPersisted(events.Count, Stopwatch.GetElapsedTime(_writeStarted));
        var cached = Ledger.State.TrialsCached;
        Dispatch([.. events.SelectMany(Ledger.Apply)]);
        _metrics.TrialsSettled([.. events.OfType<TrialCompleted>().Select(c => c.Seconds)], events.Count(e => e is TrialFailed), Ledger.State.TrialsCached - cached);
        ResultInbox.Acknowledge(written);
        _subscribers.Tell(Ledger.Progress());
        Persisted(events.Count);
        // A snapshot grows with the search, so snapshots are taken further apart as it grows: the bytes written stay
        // proportional to its trials, and recovery replays at most a fixed share of them after the snapshot.
        SnapshotWhen(SinceSnapshot >= Math.Max(_settings.SnapshotEvery, Ledger.Applied.Count / _settings.SnapshotSpacing), () => LedgerSnapshots.Of(Ledger));
        Become(Running);
        Stash.UnstashAll();
        Self.Tell(Proceed.Instance);
    }

    private void Cancel(CancelSearch cancel)
    {
        _cancelWaiter = Sender;
        _dispatcher.Tell(new WithdrawSearch { SearchId = SearchId });
        Context.GetLogger().Info("Search {0} cancelled: {1}", SearchId, cancel.Reason);
        PersistAll(Ledger.DecideCancel(cancel.Reason), cancelled =>
        {
            Ledger.Apply(cancelled);
            Self.Tell(Proceed.Instance);
        });
    }

    /// <summary>Records the search's end when the ledger says it is due; true when it is ending.</summary>
    private bool EndIfDue()
    {
        if (Ledger.DecideEnd(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) is not { } end)
        {
            return false;
        }
        // Results still on their way are acknowledged and dropped.
        ResultInbox.Acknowledge(_inbox.Take());
        Persist(end, finished =>
        {
            Become(Ended);
            Ledger.Apply(finished);
            SnapshotWhen(true, () => LedgerSnapshots.Of(Ledger));
            _dispatcher.Tell(new WithdrawSearch { SearchId = SearchId });
            _cancelWaiter?.Tell(new SearchCancelAccepted { SearchId = SearchId });
            _subscribers.Tell(finished);
            Context.Parent.Tell(finished);
            var result = finished.Result;
            Context.GetLogger().Info("Search {0} {1}: {2} trained, {3} failed, {4} cached ({5} reused from other searches)", SearchId, result.Status, result.TrialsTrained, result.TrialsFailed, result.TrialsCached, result.TrialsReused);
        });
        return true;
    }

    private void Dispatch(IReadOnlyList<Trial> trials)
    {
        if (trials.Count > 0)
        {
            _dispatcher.Tell(new DispatchTrials { SearchId = SearchId, Trials = { trials.Select(t => t.ToReadyTrial()) } });
        }
    }

    /// <summary>What a write, a cancellation or a recovery leaves to do (end the search, or write the results that waited), as a command of its own.</summary>
    private sealed class Proceed : INoSerializationVerificationNeeded
    {
        public static readonly Proceed Instance = new();
    }
}
