namespace LayerNas.Cluster;

/// <summary>The cluster roles a node can take.</summary>
public static class ClusterRoles
{
    /// <summary>Runs the search manager singleton, the coordinators and the trial dispatcher.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Runs worker slots that train trials.</summary>
    public const string Worker = "worker";
}
