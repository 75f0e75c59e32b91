namespace LayerNas.Cluster.Hosting;

/// <summary>Where a node listens and how it joins its cluster.</summary>
public sealed class ClusterNodeSettings
{
    /// <summary>The address to bind.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>The port to bind; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The address other nodes reach this one at (a pod IP, say); the bind address when empty.</summary>
    public string? PublicHostname { get; set; }

    /// <summary>The node's roles (<see cref="ClusterRoles"/>).</summary>
    public string[] Roles { get; set; } = [ClusterRoles.Coordinator, ClusterRoles.Worker];

    /// <summary>Addresses of nodes to join ("akka.tcp://layernas@host:port"); empty makes the node a cluster of its own.</summary>
    public string[] SeedNodes { get; set; } = [];

    /// <summary>How long membership must be stable before the split-brain resolver downs unreachable nodes (keep-majority).</summary>
    public TimeSpan SplitBrainStableAfter { get; set; } = TimeSpan.FromSeconds(20);
}
