using Akka.Actor;
using Akka.Event;
using Google.Protobuf;
using LayerNas.Core.Ledger;
using LayerNas.Core.Search;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// Runs one search: a persistent shell around its <see cref="SearchLedger"/>. It has the ledger decide, persists the
/// events, applies them, and tells the dispatcher, the manager and subscribers what changed. Recovery applies the
/// journal through the same <see cref="SearchLedger.Apply"/>, after the newest snapshot.
/// </summary>
/// <remarks>
/// Phases: <c>Running</c>; <c>Writing</c>, while one batch of results is written (results arriving meanwhile queue up
/// and go out together, so the journal sees one write per batch however many trials finish at once); <c>Ended</c>,
/// answering questions until its manager stops it once idle.
/// </remarks>
public sealed class SearchCoordinator : CompactingPersistentActor
{
    private readonly CompiledSearch _search;
    private readonly IActorRef _dispatcher;
    private readonly SearchManagerSettings _settings;
    private readonly HashSet<IActorRef> _subscribers = [];
    private List<(TrialResult Result, IActorRef Sender)> _inbox = [];
    private SearchLedger? _ledger;
    private long _sinceSnapshot;
    private IActorRef? _cancelWaiter;

    /// <summary>Creates the coordinator of a search; see <see cref="Props"/>.</summary>
    public SearchCoordinator(string searchId, CompiledSearch search, IActorRef dispatcher, SearchManagerSettings settings)
    {
        (SearchId, _search, _dispatcher, _settings) = (searchId, search, dispatcher, settings);
        RecoverWith(snapshot => _ledger = snapshot switch
        {
            SearchLedgerSnapshot ledger => LedgerSnapshots.Restore(search, ledger),
            var legacy => LedgerSnapshots.Restore(searchId, search, (SearchCoordinatorSnapshot)legacy),
        }, e => Ledger.Apply((IMessage)e));
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

    /// <summary>Props of the coordinator of a search, compiled once by its manager.</summary>
    public static Props Props(string searchId, CompiledSearch search, IActorRef dispatcher, SearchManagerSettings settings) =>
        Akka.Actor.Props.Create(() => new SearchCoordinator(searchId, search, dispatcher, settings));

    /// <inheritdoc />
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Context.Parent.Tell(new SearchError { SearchId = SearchId, Reason = $"search {SearchId} cannot be recovered: {reason.Message}" });
        base.OnRecoveryFailure(reason, message);
    }

    private void Begin()
    {
        CompactAfterRecovery();
        _sinceSnapshot = ReplayedSinceSnapshot;
        if (Ledger.Finished is { } finished)
        {
            Become(Ended);
            SnapshotIf(_sinceSnapshot > 0);
            Context.Parent.Tell(finished);
            return;
        }
        if (Ledger.Applied.Count > 0)
        {
            Context.GetLogger().Info("Search {0} recovered {1} settled trials; {2} to train again", SearchId, Ledger.Applied.Count, Ledger.State.PendingCount);
        }
        _dispatcher.Tell(new OpenSearch { SearchId = SearchId, Spec = _search.Spec });
        Dispatch(Ledger.PendingTrials);
        Become(Running);
        // Cancelled just before its end was recorded, or nothing to train: the end is recorded at once.
        Self.Tell(Proceed.Instance);
    }

    private void Running()
    {
        Command<TrialResults>(results =>
        {
            Receive(results);
            Flush();
        });
        Command<CancelSearch>(Cancel);
        Command<Proceed>(_ =>
        {
            if (!EndIfDue())
            {
                Flush();
            }
        });
        Questions();
    }

    private void Writing()
    {
        Command<TrialResults>(Receive);
        // A cancellation waits for the batch being written, so it never overtakes a recorded result.
        Command<CancelSearch>(_ => Stash.Stash());
        // The write under way proceeds once it is applied.
        Command<Proceed>(_ => { });
        Questions();
    }

    private void Ended()
    {
        Context.SetReceiveTimeout(_settings.IdleCoordinator);
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(new CoordinatorIdle(SearchId)));
        Command<TrialResults>(results => Acknowledge(results.Results.Select(r => (r, Sender))));
        Command<CancelSearch>(_ => Sender.Tell(new SearchCancelAccepted { SearchId = SearchId, AlreadyEnded = true }));
        Command<Proceed>(_ => { });
        Questions();
    }

    private void Questions()
    {
        Command<SubscribeToSearch>(_ =>
        {
            Context.Watch(Sender);
            _subscribers.Add(Sender);
            Sender.Tell(Ledger.Finished is { } finished ? finished : Ledger.Progress());
        });
        Command<GetSearchStatus>(_ => Sender.Tell(Ledger.Status()));
        Command<GetSearchTrials>(m => Sender.Tell(TrialRecords.Page(Ledger, m.Offset)));
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        CompactionAnswers();
    }

    private void Receive(TrialResults results) => _inbox.AddRange(results.Results.Select(r => (r, Sender)));

    private void Flush()
    {
        var batch = _inbox;
        _inbox = [];
        var decision = Ledger.Decide([.. batch.Select(b => b.Result)], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var ignored = decision.Ignored.ToHashSet(ReferenceEqualityComparer.Instance);
        Acknowledge(batch.Where(b => ignored.Contains(b.Result)));
        if (decision.Events.Count > 0)
        {
            Become(Writing);
            PersistAllAsync(decision.Events, _ => { });
            DeferAsync(batch.Where(b => !ignored.Contains(b.Result)).ToList(), written => Applied(decision.Events, written));
        }
    }

    private void Applied(IReadOnlyList<IMessage> events, IReadOnlyList<(TrialResult Result, IActorRef Sender)> written)
    {
        Dispatch([.. events.SelectMany(Ledger.Apply)]);
        Acknowledge(written);
        Tell(_subscribers, Ledger.Progress());
        _sinceSnapshot += events.Count;
        // A snapshot grows with the search, so snapshots are taken further apart as it grows: the bytes written stay
        // proportional to its trials, and recovery replays at most a fixed share of them after the snapshot.
        SnapshotIf(_sinceSnapshot >= Math.Max(_settings.SnapshotEvery, Ledger.Applied.Count / _settings.SnapshotSpacing));
        Become(Running);
        Stash.UnstashAll();
        Self.Tell(Proceed.Instance);
    }

    private void Cancel(CancelSearch cancel)
    {
        var waiter = Sender;
        _dispatcher.Tell(new WithdrawSearch { SearchId = SearchId });
        Context.GetLogger().Info("Search {0} cancelled: {1}", SearchId, cancel.Reason);
        PersistAll(Ledger.DecideCancel(cancel.Reason), cancelled =>
        {
            Ledger.Apply(cancelled);
            _cancelWaiter = waiter;
            Self.Tell(Proceed.Instance);
        });
    }

    /// <summary>Records the search's end when the ledger says it is due; true when it is ending.</summary>
    private bool EndIfDue()
    {
        if (Ledger.DecideEnd() is not { } end)
        {
            return false;
        }
        // Results still on their way are acknowledged and dropped.
        Acknowledge(_inbox);
        _inbox = [];
        Persist(end, finished =>
        {
            Become(Ended);
            Ledger.Apply(finished);
            _cancelWaiter?.Tell(new SearchCancelAccepted { SearchId = SearchId });
            SnapshotIf(true);
            _dispatcher.Tell(new WithdrawSearch { SearchId = SearchId });
            Tell(_subscribers, finished);
            Context.Parent.Tell(finished);
            Context.GetLogger().Info("Search {0} {1}: {2} trained, {3} failed, {4} cached", SearchId, finished.Result.Status, finished.Result.TrialsTrained, finished.Result.TrialsFailed, finished.Result.TrialsCached);
        });
        return true;
    }

    private void SnapshotIf(bool due)
    {
        if (due)
        {
            SaveSnapshot(LedgerSnapshots.Of(Ledger));
            _sinceSnapshot = 0;
        }
    }

    private void Dispatch(IReadOnlyList<Trial> trials)
    {
        if (trials.Count > 0)
        {
            _dispatcher.Tell(new DispatchTrials
            {
                SearchId = SearchId,
                Trials = { trials.Select(t => new ReadyTrial { TrialNumber = t.Number, Architecture = { t.Architecture.Choices.ToArray() } }) },
            });
        }
    }

    private static void Tell(IEnumerable<IActorRef> subscribers, IMessage message)
    {
        foreach (var subscriber in subscribers)
        {
            subscriber.Tell(message);
        }
    }

    private static void Acknowledge(IEnumerable<(TrialResult Result, IActorRef Sender)> results)
    {
        foreach (var bySender in results.GroupBy(r => r.Sender).Where(g => !g.Key.IsNobody()))
        {
            bySender.Key.Tell(new LeasesClosed { LeaseIds = { bySender.Select(r => r.Result.LeaseId) } });
        }
    }

    /// <summary>
    /// What a write, a cancellation or a recovery leaves to do, as a command of its own: the journal only sends what a
    /// command handler persists, so the end or the next batch is never persisted from inside another's handler.
    /// </summary>
    private sealed class Proceed : INoSerializationVerificationNeeded
    {
        public static readonly Proceed Instance = new();
    }
}
