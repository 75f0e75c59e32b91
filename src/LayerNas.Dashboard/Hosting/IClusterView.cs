using LayerNas.Protocol.V1;

namespace LayerNas.Dashboard.Hosting;

/// <summary>
/// What the dashboard reads of its cluster, and the one thing it changes (a cancellation): every answer comes from the
/// search manager, a search's ledger or the trial dispatcher, as the node hosting the dashboard asks them.
/// </summary>
/// <remarks>Calls throw <see cref="InvalidOperationException"/> for a search that does not exist or cannot be read, and <see cref="TimeoutException"/> when the cluster does not answer in time.</remarks>
public interface IClusterView
{
    /// <summary>Every search in submission order, running ones with their progress.</summary>
    Task<IReadOnlyList<SearchStatus>> SearchesAsync(CancellationToken cancellationToken);

    /// <summary>Where one search stands; null when no search has the id.</summary>
    Task<SearchStatus?> SearchAsync(string searchId, CancellationToken cancellationToken);

    /// <summary>A LayerNAS search's memo tables, with the buckets of the depth asked for (0 for none) of the target asked for.</summary>
    Task<SearchMemoTables> MemoTablesAsync(GetMemoTables query, CancellationToken cancellationToken);

    /// <summary>One page of a search's trials, filtered and sorted by its ledger.</summary>
    Task<SearchTrials> TrialsAsync(QueryTrials query, CancellationToken cancellationToken);

    /// <summary>The cost and reward of a search's trained trials in settlement order, from <paramref name="offset"/> on.</summary>
    Task<SearchTrialPoints> TrialPointsAsync(string searchId, int offset, CancellationToken cancellationToken);

    /// <summary>The worker slots, what each runs, and their utilization over time.</summary>
    Task<WorkerBoard> WorkersAsync(CancellationToken cancellationToken);

    /// <summary>Cancels a search once the cancellation is recorded; false when it had already ended.</summary>
    Task<bool> CancelAsync(string searchId, string reason, CancellationToken cancellationToken);
}
