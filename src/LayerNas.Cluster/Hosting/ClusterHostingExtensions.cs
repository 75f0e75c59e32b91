using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Hosting;
using Akka.Remote.Hosting;

namespace LayerNas.Cluster.Hosting;

/// <summary>Hosting of cluster membership.</summary>
public static class ClusterHostingExtensions
{
    /// <summary>The actor system's name; every node of a cluster must use it.</summary>
    public const string SystemName = "layernas";

    /// <summary>
    /// The largest message between nodes, in bytes: above the API's 4 MB request limit, so a slot can fetch the spec
    /// of any search the API accepted (Akka's default, 128,000 bytes, would refuse a spec of a few thousand options
    /// and leave its slots waiting for it). Lease batches are cut well below it (<see cref="Dispatch.TrialBoard{TWorker}.MaxBatchBytes"/>).
    /// </summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Makes the node a cluster member over TCP with the split-brain resolver on keep-majority of the coordinator role,
    /// so a crashed node is downed (and its worker slots reported terminated) once membership has been stable for a
    /// while. Counting coordinators only means the side that keeps the coordinator survives a split however many
    /// workers the other side has; workers cut off from every coordinator down themselves. Without seed nodes the node
    /// joins itself.
    /// </summary>
    public static AkkaConfigurationBuilder AddLayerNasCluster(this AkkaConfigurationBuilder builder, ClusterNodeSettings settings)
    {
        builder
            .WithRemoting(new RemoteOptions
            {
                HostName = settings.Hostname,
                Port = settings.Port,
                PublicHostName = settings.PublicHostname,
                MaxFrameSize = MaxFrameBytes,
            })
            .WithClustering(new ClusterOptions
            {
                Roles = settings.Roles,
                SeedNodes = settings.SeedNodes,
                SplitBrainResolver = new KeepMajorityOption { Role = ClusterRoles.Coordinator },
            })
            .WithAkkaClusterReadinessCheck(tags: [NodeHealth.Ready])
            .AddHocon($"akka.cluster.split-brain-resolver.stable-after = {settings.SplitBrainStableAfter.TotalMilliseconds:0}ms", HoconAddMode.Prepend);
        // .NET turns SO_REUSEADDR into SO_REUSEPORT too on Linux, which let a second node bind a port a running node
        // listens on; without it the second node fails to bind.
        builder.AddHocon("akka.remote.dot-netty.tcp.tcp-reuse-addr = off", HoconAddMode.Prepend);
        if (settings.SeedNodes.Length == 0)
        {
            builder.AddStartup((system, _) =>
            {
                var cluster = Akka.Cluster.Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            });
        }
        return builder;
    }
}
