using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using LayerNas.Cluster.Dispatch;
using LayerNas.Cluster.Metrics;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// The entry point of the cluster, run as a persistent singleton on the coordinator role: it records every submitted
/// search, compiles each spec once and runs a <see cref="SearchCoordinator"/> per unfinished search, answers for
/// ended searches from its own state, and passes worker traffic to its <see cref="TrialDispatcher"/>.
/// </summary>
/// <remarks>
/// Submitting is idempotent by search id: a known id with the same spec is answered as it stands, so re-running a
/// command after a crash resumes its search; a known id with another spec is refused. An ended search's trials are read from its ledger: its coordinator is started again to answer
/// and stopped once idle. The manager snapshots its state and deletes what the snapshot covers, so its start-up does
/// not replay every search ever run. A search that opts in to the shared trial cache is told, when submitted, which
/// ended searches it reuses trials from; its coordinator reads their trials through the manager.
/// </remarks>
public sealed class SearchManager : CompactingPersistentActor
{
    /// <summary>The singleton's name.</summary>
    public const string Name = "search-manager";

    private readonly Func<SearchSpec, CompiledSearch> _compile;
    private readonly SearchManagerSettings _settings;
    private readonly SearchRegistry _searches = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _dispatcher;
    private readonly LayerNasMetrics _metrics;

    /// <summary>Creates the manager; see <see cref="Props"/>.</summary>
    public SearchManager(Func<SearchSpec, CompiledSearch> compile, SearchManagerSettings settings, LayerNasMetrics metrics)
    {
        _compile = compile;
        _settings = settings;
        _metrics = metrics;
        _dispatcher = Context.ActorOf(TrialDispatcher.Props(settings.Dispatcher, metrics), "dispatcher");

        RecoverWith(snapshot => _searches.Restore((SearchManagerSnapshot)snapshot), e =>
        {
            switch (e)
            {
                case SearchSubmitted submitted:
                    _searches.Submitted(submitted);
                    break;
                case SearchFinished finished:
                    _searches.Finished(finished);
                    break;
            }
        });
        Recover<RecoveryCompleted>(_ =>
        {
            CompactAfterRecovery();
            foreach (var record in _searches.All.Where(r => r.Finished is null))
            {
                StartCoordinator(record, _ => { });
            }
            PublishSearches();
        });

        Command<SubmitSearch>(OnSubmit);
        Command<SubscribeToSearch>(m => Answer(m.SearchId, m, record => record.Finished is { } finished
            ? finished
            : new SearchError { SearchId = record.Id, Reason = record.Error }));
        Command<GetSearchStatus>(m => Answer(m.SearchId, m, record => record.Status()));
        Command<GetSearchTrials>(m => AskLedger(m.SearchId, m));
        Command<QueryTrials>(m => AskLedger(m.SearchId, m));
        Command<GetMemoTables>(m => AskLedger(m.SearchId, m));
        Command<GetTrialPoints>(m => AskLedger(m.SearchId, m));
        Command<GetWorkers>(m => _dispatcher.Forward(m));
        Command<CancelSearch>(m => Answer(m.SearchId, m, record => new SearchCancelAccepted { SearchId = record.Id, AlreadyEnded = true }));
        Command<ListSearches>(_ => Sender.Tell(new SearchList { Searches = { _searches.All.Select(r => r.Status()) } }));
        Command<WorkRequest>(m => _dispatcher.Forward(m));
        Command<TrialResults>(OnResults);
        Command<HandBack>(m => _dispatcher.Forward(m));
        Command<GetSearchSpec>(m => _dispatcher.Forward(m));
        Command<SearchFinished>(m =>
        {
            if (_searches.Find(m.SearchId) is { Finished: null } record)
            {
                // Its coordinator stays to answer for its ledger until it is idle.
                Persist(m, finished =>
                {
                    _searches.Finished(finished);
                    AfterEvent();
                    PublishSearches();
                });
            }
        });
        Command<SearchError>(m =>
        {
            if (_searches.Find(m.SearchId) is { } record)
            {
                _log.Error("Search {0} cannot go on: {1}", m.SearchId, m.Reason);
                record.Error = m.Reason;
                record.Coordinator = null;
                PublishSearches();
            }
        });
        Command<CoordinatorIdle>(m =>
        {
            if (_searches.Find(m.SearchId) is { } record && record.Coordinator?.Equals(Sender) == true)
            {
                Stop(record);
            }
        });
        CompactionAnswers();
    }

    /// <inheritdoc />
    public override string PersistenceId => Name;

    /// <inheritdoc />
    protected override string Subject => "the search manager";

    /// <summary>Props of the manager; <paramref name="compile"/> turns a spec into the objects that search it (and rejects a bad one by throwing); its actors report to <paramref name="metrics"/>.</summary>
    public static Props Props(Func<SearchSpec, CompiledSearch> compile, SearchManagerSettings settings, LayerNasMetrics metrics) =>
        Akka.Actor.Props.Create(() => new SearchManager(compile, settings, metrics));

    private void OnSubmit(SubmitSearch submit)
    {
        var known = _searches.Find(submit.SearchId);
        if (known is not null && submit.Spec is not null && !SpecDefaults.AskFor(submit.Spec, known.Submitted.Spec))
        {
            // An id names one search: answering `existing` would have the client follow a search it did not submit.
            Sender.Tell(new SearchRejected
            {
                SearchId = submit.SearchId,
                Reason = $"search {submit.SearchId} already exists with another spec; submit this one under another id, or without an id to name it after its spec",
            });
            return;
        }
        if (known is not null)
        {
            Sender.Tell(new SearchAccepted { SearchId = known.Id, Existing = true, Finished = known.Finished is not null });
            return;
        }
        if (string.IsNullOrWhiteSpace(submit.SearchId) || submit.Spec is null)
        {
            Sender.Tell(new SearchRejected { SearchId = submit.SearchId, Reason = "a search needs an id and a spec" });
            return;
        }
        // Defaults are written out, so the search keeps its meaning when a later release changes them.
        var spec = SpecDefaults.Explicit(submit.Spec);
        CompiledSearch search;
        try
        {
            search = _compile(spec);
        }
        catch (Exception e)
        {
            Sender.Tell(new SearchRejected { SearchId = submit.SearchId, Reason = e.Message });
            return;
        }
        var submitted = new SearchSubmitted
        {
            SearchId = submit.SearchId,
            Spec = spec,
            SubmittedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            TrialCacheSources = { TrialCache.Sources(spec, _searches.All.Where(r => r.Finished is not null).Select(r => (r.Id, r.TrialCacheKey))) },
        };
        Persist(submitted, e =>
        {
            var record = _searches.Submitted(e);
            record.Coordinator = Context.ActorOf(Coordinator(record, search), ChildName(record.Id));
            Sender.Tell(new SearchAccepted { SearchId = e.SearchId });
            _log.Info("Search {0} ({1}) submitted", e.SearchId, e.Spec.Name);
            AfterEvent();
            PublishSearches();
        });
    }

    /// <summary>
    /// Passes results of running searches to the dispatcher and acknowledges the rest: a worker that rejoins after a
    /// coordinator restart re-sends what it trained before, and results of a search that has ended (or cannot go on)
    /// would otherwise be re-sent forever, since the new dispatcher holds results of searches it has not opened yet.
    /// </summary>
    private void OnResults(TrialResults results)
    {
        if (results.Results.All(IsRunning))
        {
            _dispatcher.Forward(results);
            return;
        }
        var running = results.Results.ToLookup(IsRunning);
        if (running[false].Any())
        {
            Sender.Tell(new LeasesClosed { LeaseIds = { running[false].Select(r => r.LeaseId) } });
        }
        if (running[true].Any())
        {
            _dispatcher.Tell(new TrialResults { Results = { running[true] } }, Sender);
        }
    }

    private bool IsRunning(TrialResult result) => _searches.Find(result.SearchId) is { Finished: null, Error: null };

    /// <summary>Passes a question about a search's ledger to its coordinator, starting one for an ended search.</summary>
    private void AskLedger(string searchId, object query)
    {
        switch (_searches.Find(searchId))
        {
            case null:
                Sender.Tell(new SearchNotFound { SearchId = searchId });
                break;
            case { Coordinator: { } coordinator }:
                coordinator.Forward(query);
                break;
            case { Error: { } error } record:
                Sender.Tell(new SearchError { SearchId = record.Id, Reason = error });
                break;
            case var record:
                // An ended search's ledger is read by starting its coordinator, which recovers it and idles out.
                StartCoordinator(record, coordinator => coordinator.Forward(query));
                break;
        }
    }

    private void Answer(string searchId, object query, Func<SearchRecord, object> whenIdle)
    {
        switch (_searches.Find(searchId))
        {
            case null:
                Sender.Tell(new SearchNotFound { SearchId = searchId });
                break;
            case { Coordinator: { } coordinator, Finished: null }:
                coordinator.Forward(query);
                break;
            case var record:
                Sender.Tell(whenIdle(record));
                break;
        }
    }

    private void StartCoordinator(SearchRecord record, Action<IActorRef> started)
    {
        CompiledSearch search;
        try
        {
            search = _compile(SpecDefaults.AsRecorded(record.Submitted.Spec));
        }
        catch (Exception e)
        {
            record.Error = $"search {record.Id} cannot go on: {e.Message}";
            _log.Error(e, "Search {0} cannot go on", record.Id);
            Sender.Tell(new SearchError { SearchId = record.Id, Reason = record.Error });
            return;
        }
        record.Coordinator = Context.ActorOf(Coordinator(record, search), ChildName(record.Id));
        started(record.Coordinator);
    }

    private Props Coordinator(SearchRecord record, CompiledSearch search) =>
        SearchCoordinator.Props(record.Submitted, search, _dispatcher, _settings, _metrics);

    private static string ChildName(string searchId) => Uri.EscapeDataString(SearchCoordinator.PersistenceIdOf(searchId)) + "-" + Guid.NewGuid().ToString("N")[..6];

    private static void Stop(SearchRecord record)
    {
        record.Coordinator?.Tell(PoisonPill.Instance);
        record.Coordinator = null;
    }

    private void PublishSearches()
    {
        var states = _searches.All.Select(r => r.State).ToList();
        _metrics.Searches(states.Count(s => s == "running"), states.Count(s => s == "finished"), states.Count(s => s == "cancelled"), states.Count(s => s == "failed"));
    }

    private void AfterEvent()
    {
        Persisted(1);
        SnapshotWhen(SinceSnapshot >= _settings.ManagerSnapshotEvery, _searches.Snapshot);
    }
}
