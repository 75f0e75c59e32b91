using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Event;
using Akka.Hosting;
using Akka.Persistence;
using LayerNas.Cluster.Dispatch;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>
/// The entry point of the cluster, run as a persistent singleton on the coordinator role: it records every submitted
/// search, runs one <see cref="SearchCoordinator"/> per unfinished search, answers queries, and passes worker traffic
/// to its <see cref="TrialDispatcher"/>.
/// </summary>
/// <remarks>
/// Submitting is idempotent by search id: a known id is answered as it stands, so re-running a command after a crash
/// resumes its search. The manager records each search's end too, so it restarts only unfinished coordinators and
/// answers for finished searches from its own state.
/// </remarks>
public sealed class SearchManager : ReceivePersistentActor
{
    /// <summary>The singleton's name.</summary>
    public const string Name = "search-manager";

    private readonly Func<SearchSpec, CompiledSearch> _compile;
    private readonly SearchManagerSettings _settings;
    private readonly Dictionary<string, SearchRecord> _searches = [];
    private readonly List<string> _order = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _dispatcher;

    /// <summary>Creates the manager; see <see cref="Props"/>.</summary>
    public SearchManager(Func<SearchSpec, CompiledSearch> compile, SearchManagerSettings settings)
    {
        _compile = compile;
        _settings = settings;
        _dispatcher = Context.ActorOf(TrialDispatcher.Props(settings.Dispatcher), "dispatcher");

        Recover<SearchSubmitted>(Record);
        Recover<SearchFinished>(MarkFinished);
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var record in _searches.Values.Where(r => r.Result is null))
            {
                StartCoordinator(record);
            }
        });

        Command<SubmitSearch>(OnSubmit);
        Command<SubscribeToSearch>(m => Answer(m.SearchId, m, record => record.Result is { } result
            ? new SearchFinished { SearchId = record.Id, Result = result }
            : new SearchError { SearchId = record.Id, Reason = record.Error }));
        Command<GetSearchStatus>(m => Answer(m.SearchId, m, Status));
        Command<GetSearchTrials>(m =>
        {
            if (_searches.TryGetValue(m.SearchId, out var record))
            {
                Context.ActorOf(SearchTrialsReader.Props(record.Id, record.Spec, _compile, m.Offset, Sender));
            }
            else
            {
                Sender.Tell(new SearchNotFound { SearchId = m.SearchId });
            }
        });
        Command<CancelSearch>(m => Answer(m.SearchId, m, record => new SearchCancelAccepted { SearchId = record.Id, AlreadyEnded = true }));
        Command<ListSearches>(_ => Sender.Tell(new SearchList { Searches = { _order.Select(id => Status(_searches[id])) } }));
        Command<WorkRequest>(m => _dispatcher.Forward(m));
        Command<TrialResults>(m => _dispatcher.Forward(m));
        Command<HandBack>(m => _dispatcher.Forward(m));
        Command<SearchFinished>(m =>
        {
            if (_searches.TryGetValue(m.SearchId, out var record) && record.Result is null)
            {
                Persist(m, finished =>
                {
                    MarkFinished(finished);
                    record.Coordinator?.Tell(PoisonPill.Instance);
                    record.Coordinator = null;
                });
            }
        });
        Command<SearchError>(m =>
        {
            if (_searches.TryGetValue(m.SearchId, out var record))
            {
                record.Error = m.Reason;
                record.Coordinator?.Tell(PoisonPill.Instance);
                record.Coordinator = null;
            }
        });
    }

    /// <inheritdoc />
    public override string PersistenceId => Name;

    /// <summary>Props of the manager; <paramref name="compile"/> turns a spec into the objects that search it (and rejects a bad one by throwing).</summary>
    public static Props Props(Func<SearchSpec, CompiledSearch> compile, SearchManagerSettings settings) =>
        Akka.Actor.Props.Create(() => new SearchManager(compile, settings));

    private void OnSubmit(SubmitSearch submit)
    {
        if (_searches.TryGetValue(submit.SearchId, out var known))
        {
            Sender.Tell(new SearchAccepted { SearchId = known.Id, Existing = true, Finished = known.Result is not null });
            return;
        }
        if (string.IsNullOrWhiteSpace(submit.SearchId) || submit.Spec is null)
        {
            Sender.Tell(new SearchRejected { SearchId = submit.SearchId, Reason = "a search needs an id and a spec" });
            return;
        }
        try
        {
            _compile(submit.Spec);
        }
        catch (Exception e)
        {
            Sender.Tell(new SearchRejected { SearchId = submit.SearchId, Reason = e.Message });
            return;
        }
        var submitted = new SearchSubmitted { SearchId = submit.SearchId, Spec = submit.Spec, SubmittedUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        Persist(submitted, e =>
        {
            Record(e);
            StartCoordinator(_searches[e.SearchId]);
            Sender.Tell(new SearchAccepted { SearchId = e.SearchId });
            _log.Info("Search {0} ({1}) submitted", e.SearchId, e.Spec.Name);
        });
    }

    private void Answer(string searchId, object query, Func<SearchRecord, object> whenIdle)
    {
        if (!_searches.TryGetValue(searchId, out var record))
        {
            Sender.Tell(new SearchNotFound { SearchId = searchId });
        }
        else if (record.Coordinator is { } coordinator)
        {
            coordinator.Forward(query);
        }
        else
        {
            Sender.Tell(whenIdle(record));
        }
    }

    private void Record(SearchSubmitted submitted)
    {
        if (_searches.TryAdd(submitted.SearchId, new SearchRecord(submitted.SearchId, submitted.Spec)))
        {
            _order.Add(submitted.SearchId);
        }
    }

    private void MarkFinished(SearchFinished finished)
    {
        if (_searches.TryGetValue(finished.SearchId, out var record))
        {
            record.Result = finished.Result;
            record.TrainedByNode = finished.TrainedByNode;
        }
    }

    private void StartCoordinator(SearchRecord record)
    {
        var props = SearchCoordinator.Props(record.Id, record.Spec, _compile, _dispatcher, _settings);
        record.Coordinator = Context.ActorOf(props, Uri.EscapeDataString(SearchCoordinator.PersistenceIdOf(record.Id)));
    }

    private static SearchStatus Status(SearchRecord record) => new()
    {
        SearchId = record.Id,
        Name = record.Spec.Name,
        State = record.Result?.Status ?? (record.Error is not null ? "failed" : "running"),
        Result = record.Result,
        Error = record.Error ?? "",
        TrainedByNode = { record.TrainedByNode },
        LayerNames = { record.Spec.Layers.Select(l => l.Name) },
    };

    private sealed class SearchRecord(string id, SearchSpec spec)
    {
        public string Id { get; } = id;

        public SearchSpec Spec { get; } = spec;

        public SearchResult? Result { get; set; }

        public IDictionary<string, long> TrainedByNode { get; set; } = new Dictionary<string, long>();

        public string? Error { get; set; }

        public IActorRef? Coordinator { get; set; }
    }
}

/// <summary>Hosting of the search manager.</summary>
public static class SearchManagerHostingExtensions
{
    /// <summary>
    /// Runs the search manager as a cluster singleton on <see cref="SearchManagerSettings.Role"/> and registers a
    /// proxy to it under <see cref="SearchManager"/> in the actor registry.
    /// </summary>
    public static AkkaConfigurationBuilder AddSearchManager(this AkkaConfigurationBuilder builder, SearchManagerSettings settings, Func<SearchSpec, CompiledSearch> compile) =>
        builder.WithSingleton<SearchManager>(
            SearchManager.Name,
            (_, _, _) => SearchManager.Props(compile, settings),
            new ClusterSingletonOptions { Role = settings.Role, LogSingletonIdentificationFailure = settings.WarnWhenSingletonMissing },
            createProxyToo: true);

    /// <summary>Registers a proxy to the search manager singleton (on a node that does not host it) under <see cref="SearchManager"/>.</summary>
    public static AkkaConfigurationBuilder AddSearchManagerProxy(this AkkaConfigurationBuilder builder, string role = ClusterRoles.Coordinator) =>
        builder.WithSingletonProxy<SearchManager>(SearchManager.Name, new ClusterSingletonOptions { Role = role });
}
