using LayerNas.Cluster.Dispatch;

namespace LayerNas.Cluster.Searches;

/// <summary>Settings of the search manager, its coordinators and its trial dispatcher.</summary>
public sealed class SearchManagerSettings
{
    /// <summary>The cluster role whose oldest member runs the search manager singleton.</summary>
    public string Role { get; set; } = ClusterRoles.Coordinator;

    /// <summary>A coordinator snapshots its ledger after this many persisted trial results, or after <see cref="SnapshotSpacing"/>'s share of its settled trials when that is more.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    /// <summary>
    /// Snapshots of a search are at least its settled trials ÷ this many results apart: a snapshot's size grows with
    /// the search, so spacing them by a share of it keeps the bytes written proportional to the trials, while
    /// recovery replays at most that share after the snapshot.
    /// </summary>
    public int SnapshotSpacing { get; set; } = 8;

    /// <summary>The search manager snapshots its state after this many events.</summary>
    public int ManagerSnapshotEvery { get; set; } = 100;

    /// <summary>How long an ended search's coordinator, started to answer for its ledger, stays after its last question.</summary>
    public TimeSpan IdleCoordinator { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a search that reuses trials waits for the next page of a source's trials before it reuses what it has read without that source.</summary>
    public TimeSpan TrialCacheSourceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether a proxy warns while it cannot find the singleton (worth knowing in a cluster, noise on a single node that is shutting down).</summary>
    public bool WarnWhenSingletonMissing { get; set; } = true;

    /// <summary>Settings of the trial dispatcher.</summary>
    public TrialDispatcherSettings Dispatcher { get; set; } = new();
}
