namespace LayerNas.Cluster.Hosting;

/// <summary>The tags of a node's health checks, by which a host serves them as liveness and readiness probes.</summary>
public static class NodeHealth
{
    /// <summary>Checks that say the node runs: a failing one means restart it.</summary>
    public const string Live = "liveness";

    /// <summary>Checks that say the node can do its work: it has joined its cluster and, on a coordinator, its journal answers.</summary>
    public const string Ready = "ready";
}
