using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Client;

/// <summary>Submits and follows searches from inside a node, through the search manager (or its proxy).</summary>
public sealed class SearchClient(ActorSystem system, IActorRef manager)
{
    /// <summary>Submits a search, or finds the one with this id; throws <see cref="SearchRejectedException"/> when the manager refuses it.</summary>
    public async Task<SearchAccepted> SubmitAsync(string searchId, SearchSpec spec, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var answer = await manager.Ask<IMessage>(new SubmitSearch { SearchId = searchId, Spec = spec }, timeout, cancellationToken);
        return answer switch
        {
            SearchAccepted accepted => accepted,
            SearchRejected rejected => throw new SearchRejectedException(rejected.Reason),
            _ => throw new InvalidOperationException($"unexpected answer to a submit: {answer.Descriptor.Name}"),
        };
    }

    /// <summary>
    /// Every settled trial of a search in trial-number order, read page by page from its journal; throws
    /// <see cref="InvalidOperationException"/> when the manager knows no such search or cannot read it.
    /// </summary>
    public async Task<IReadOnlyList<TrialRecord>> TrialsAsync(string searchId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var trials = new List<TrialRecord>();
        while (true)
        {
            var answer = await manager.Ask<IMessage>(new GetSearchTrials { SearchId = searchId, Offset = trials.Count }, timeout, cancellationToken);
            switch (answer)
            {
                case SearchTrials page:
                    trials.AddRange(page.Trials);
                    if (page.Trials.Count == 0 || trials.Count >= page.Total)
                    {
                        return trials;
                    }
                    break;
                case SearchNotFound:
                    throw new InvalidOperationException($"no search has the id {searchId}");
                case SearchError error:
                    throw new InvalidOperationException(error.Reason);
                default:
                    throw new InvalidOperationException($"unexpected answer to a trials query: {answer.Descriptor.Name}");
            }
        }
    }

    /// <summary>One page of a search's trials, filtered and sorted by its ledger; throws <see cref="InvalidOperationException"/> when the manager knows no such search or cannot read it.</summary>
    public Task<SearchTrials> QueryTrialsAsync(QueryTrials query, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        AskLedgerAsync<SearchTrials>(query.SearchId, query, timeout, cancellationToken);

    /// <summary>A LayerNAS search's memo tables, with the buckets of the depth asked for (0 for none) of the target asked for; throws as <see cref="QueryTrialsAsync"/> does.</summary>
    public Task<SearchMemoTables> MemoTablesAsync(GetMemoTables query, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        AskLedgerAsync<SearchMemoTables>(query.SearchId, query, timeout, cancellationToken);

    /// <summary>The cost and reward of a search's trained trials in settlement order, from <paramref name="offset"/> on; throws as <see cref="QueryTrialsAsync"/> does.</summary>
    public Task<SearchTrialPoints> TrialPointsAsync(string searchId, int offset, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        AskLedgerAsync<SearchTrialPoints>(searchId, new GetTrialPoints { SearchId = searchId, Offset = offset }, timeout, cancellationToken);

    /// <summary>The worker slots the trial dispatcher knows, what each runs, and their recent utilization.</summary>
    public Task<WorkerBoard> WorkersAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        manager.Ask<WorkerBoard>(new GetWorkers(), timeout, cancellationToken);

    /// <summary>Where a search stands; null when no search has this id.</summary>
    public async Task<SearchStatus?> GetAsync(string searchId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var answer = await manager.Ask<IMessage>(new GetSearchStatus { SearchId = searchId }, timeout, cancellationToken);
        return answer switch
        {
            SearchStatus status => status,
            SearchNotFound => null,
            _ => throw new InvalidOperationException($"unexpected answer to a status query: {answer.Descriptor.Name}"),
        };
    }

    /// <summary>Every search the manager knows, in submission order (running ones without their progress).</summary>
    public Task<SearchList> ListAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        manager.Ask<SearchList>(new ListSearches(), timeout, cancellationToken);

    /// <summary>Cancels a search once the cancellation is recorded; null when no search has this id.</summary>
    public async Task<SearchCancelAccepted?> CancelAsync(string searchId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var answer = await manager.Ask<IMessage>(new CancelSearch { SearchId = searchId, Reason = reason }, timeout, cancellationToken);
        return answer switch
        {
            SearchCancelAccepted accepted => accepted,
            SearchNotFound => null,
            _ => throw new InvalidOperationException($"unexpected answer to a cancel: {answer.Descriptor.Name}"),
        };
    }

    private async Task<T> AskLedgerAsync<T>(string searchId, IMessage query, TimeSpan timeout, CancellationToken cancellationToken) where T : IMessage
    {
        var answer = await manager.Ask<IMessage>(query, timeout, cancellationToken);
        return answer switch
        {
            T found => found,
            SearchNotFound => throw new InvalidOperationException($"no search has the id {searchId}"),
            SearchError error => throw new InvalidOperationException(error.Reason),
            _ => throw new InvalidOperationException($"unexpected answer to a {query.Descriptor.Name}: {answer.Descriptor.Name}"),
        };
    }

    /// <summary>What a search reports until it ends: progress updates, then its <see cref="SearchFinished"/> (or a <see cref="SearchError"/> or <see cref="SearchNotFound"/>).</summary>
    public async IAsyncEnumerable<IMessage> WatchAsync(string searchId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = Channel.CreateUnbounded<IMessage>(new UnboundedChannelOptions { SingleReader = true });
        var watcher = system.ActorOf(SearchWatcher.Props(manager, searchId, updates.Writer));
        try
        {
            await foreach (var update in updates.Reader.ReadAllAsync(cancellationToken))
            {
                yield return update;
            }
        }
        finally
        {
            watcher.Tell(PoisonPill.Instance);
        }
    }
}
