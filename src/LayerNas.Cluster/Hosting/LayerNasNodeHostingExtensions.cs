using Akka.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Serialization;
using LayerNas.Cluster.Workers;

namespace LayerNas.Cluster.Hosting;

/// <summary>The one way a node's actor system is put together, whichever host runs it (<c>layernas run</c>, <c>layernas node</c>, the tests).</summary>
public static class LayerNasNodeHostingExtensions
{
    /// <summary>
    /// Adds the protobuf serializer, cluster membership, and per role: the journal and the search manager singleton
    /// (coordinator), or a proxy to it; the worker pool (worker). Its health checks (<see cref="NodeHealth"/>) say the
    /// node is live while its actor system runs, and ready once it has joined its cluster and, on a coordinator, its
    /// journal answers.
    /// </summary>
    public static AkkaConfigurationBuilder AddLayerNasNode(this AkkaConfigurationBuilder builder, LayerNasNodeSettings node)
    {
        builder
            .ConfigureLoggers(loggers =>
            {
                loggers.LogLevel = node.LogLevel;
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
            })
            .AddLayerNasSerialization()
            .AddLayerNasCluster(node.Cluster)
            .WithActorSystemLivenessCheck(tags: [NodeHealth.Live]);
        if (node.IsCoordinator)
        {
            builder
                .AddLayerNasStorage(node.Storage ?? throw new ArgumentException("a coordinator node needs its storage", nameof(node)))
                .AddSearchManager(node.Manager, node.Compile ?? throw new ArgumentException("a coordinator node needs its compiler", nameof(node)), node.Metrics);
        }
        else
        {
            builder.AddSearchManagerProxy();
        }
        if (node.IsWorker)
        {
            builder.AddWorkerPool(node.Workers, node.Trainers ?? throw new ArgumentException("a worker node needs its trainers", nameof(node)), node.Metrics);
        }
        return builder;
    }
}
