using Akka.Actor;
using LayerNas.Cluster.Client;
using LayerNas.Dashboard.Hosting;
using LayerNas.Protocol.V1;

namespace LayerNas.Node.Web;

/// <summary>The dashboard's view of the cluster, asked of the search manager singleton (wherever it runs) through <paramref name="client"/>.</summary>
public sealed class ClusterView(SearchClient client, TimeSpan timeout) : IClusterView
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchStatus>> SearchesAsync(CancellationToken cancellationToken)
    {
        var list = await Answer(() => client.ListAsync(timeout, cancellationToken));
        var searches = new List<SearchStatus>(list.Searches.Count);
        foreach (var search in list.Searches)
        {
            // The list leaves out a running search's progress; its own status has it.
            searches.Add(search.State == "running" ? await SearchAsync(search.SearchId, cancellationToken) ?? search : search);
        }
        return searches;
    }

    /// <inheritdoc />
    public Task<SearchStatus?> SearchAsync(string searchId, CancellationToken cancellationToken) =>
        Answer(() => client.GetAsync(searchId, timeout, cancellationToken));

    /// <inheritdoc />
    public Task<SearchMemoTables> MemoTablesAsync(GetMemoTables query, CancellationToken cancellationToken) =>
        Answer(() => client.MemoTablesAsync(query, timeout, cancellationToken));

    /// <inheritdoc />
    public Task<SearchTrials> TrialsAsync(QueryTrials query, CancellationToken cancellationToken) =>
        Answer(() => client.QueryTrialsAsync(query, timeout, cancellationToken));

    /// <inheritdoc />
    public Task<SearchTrialPoints> TrialPointsAsync(string searchId, int offset, CancellationToken cancellationToken) =>
        Answer(() => client.TrialPointsAsync(searchId, offset, timeout, cancellationToken));

    /// <inheritdoc />
    public Task<WorkerBoard> WorkersAsync(CancellationToken cancellationToken) =>
        Answer(() => client.WorkersAsync(timeout, cancellationToken));

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string searchId, string reason, CancellationToken cancellationToken)
    {
        var accepted = await Answer(() => client.CancelAsync(searchId, reason, timeout, cancellationToken))
            ?? throw new InvalidOperationException($"no search has the id {searchId}");
        return !accepted.AlreadyEnded;
    }

    private async Task<T> Answer<T>(Func<Task<T>> ask)
    {
        try
        {
            return await ask();
        }
        catch (AskTimeoutException)
        {
            throw new TimeoutException($"the search manager did not answer within {timeout.TotalSeconds:0} s");
        }
    }
}
