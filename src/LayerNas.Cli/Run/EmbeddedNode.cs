using Akka.Hosting;
using LayerNas.Cli.Hosting;
using LayerNas.Cli.Node;
using LayerNas.Cluster;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Workers;
using LayerNas.Node.Api;
using LayerNas.Node.Hosting;
using LayerNas.Node.Web;
using Microsoft.Extensions.Logging;

namespace LayerNas.Cli.Run;

/// <summary>A one-node cluster in this process: coordinator and worker roles, its journal in a SQLite file or a PostgreSQL database.</summary>
public sealed class EmbeddedNode : IAsyncDisposable
{
    private readonly LayerNasHost _host;

    private EmbeddedNode(LayerNasHost host)
    {
        _host = host;
        Client = new SearchClient(host.System, ActorRegistry.For(host.System).Get<SearchManager>());
    }

    /// <summary>Submits and follows searches on this node.</summary>
    public SearchClient Client { get; }

    /// <summary>Where the node serves its dashboard (once started); empty when it serves none.</summary>
    public IReadOnlyList<string> DashboardUrls => _host.WebUrls;

    /// <summary>Starts the node with <paramref name="workers"/> slots, its journal in <paramref name="storage"/>, reading and running what <paramref name="files"/> allows, serving its dashboard at <paramref name="dashboard"/> when given.</summary>
    public static async Task<EmbeddedNode> StartAsync(int workers, StorageSettings storage, NodeFiles files, CancellationToken cancellationToken, ApiEndpoint? dashboard = null)
    {
        var host = LayerNasHost.Create(
            new LayerNasNodeSettings
            {
                Cluster = new ClusterNodeSettings { Roles = [ClusterRoles.Coordinator, ClusterRoles.Worker] },
                Storage = storage,
                Compile = files.Compile,
                Manager = new SearchManagerSettings { WarnWhenSingletonMissing = false },
                Workers = new WorkerPoolSettings { Slots = workers },
                Trainers = files.Trainers(NodeFiles.LogsDirectory(storage)),
                LogLevel = Akka.Event.LogLevel.WarningLevel,
            },
            logging => logging
                .ClearProviders()
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddFilter(NodeCommand.HostFailures, LogLevel.Critical)
                .SetMinimumLevel(LogLevel.Warning),
            web: dashboard is null ? null : new NodeWebSettings { Endpoint = dashboard });
        await host.StartAsync(cancellationToken);
        return new EmbeddedNode(host);
    }

    /// <summary>Stops the node: worker slots hand back their leases and the node leaves its cluster.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
