using LayerNas.Cluster.Dispatch;

namespace LayerNas.Cluster.Searches;

/// <summary>Settings of the search manager, its coordinators and its trial dispatcher.</summary>
public sealed class SearchManagerSettings
{
    /// <summary>The cluster role whose oldest member runs the search manager singleton.</summary>
    public string Role { get; set; } = ClusterRoles.Coordinator;

    /// <summary>A coordinator saves a snapshot after this many persisted trial results, or half as many as it has settled when that is more.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    /// <summary>Whether a proxy warns while it cannot find the singleton (worth knowing in a cluster, noise on a single node that is shutting down).</summary>
    public bool WarnWhenSingletonMissing { get; set; } = true;

    /// <summary>Settings of the trial dispatcher.</summary>
    public TrialDispatcherSettings Dispatcher { get; set; } = new();
}
