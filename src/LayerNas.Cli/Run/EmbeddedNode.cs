using Akka.Actor;
using Akka.Hosting;
using LayerNas.Cli.Specs;
using LayerNas.Cluster;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Serialization;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LayerNas.Cli.Run;

/// <summary>A one-node cluster in this process: coordinator and worker roles, its journal in a SQLite file or a PostgreSQL database.</summary>
public sealed class EmbeddedNode : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedNode(IHost host)
    {
        _host = host;
        var system = host.Services.GetRequiredService<ActorSystem>();
        Client = new SearchClient(system, ActorRegistry.For(system).Get<SearchManager>());
    }

    /// <summary>Submits and follows searches on this node.</summary>
    public SearchClient Client { get; }

    /// <summary>The search compiler nodes use: the spec front end, with tables read from disk.</summary>
    public static CompiledSearch Compile(SearchSpec spec) => SearchFactory.Compile(spec, SpecFile.LoadTable);

    /// <summary>How worker slots build a search's trainer; process trainers write per-trial logs under <paramref name="logsDirectory"/>.</summary>
    public static TrainerProvider Trainers(string logsDirectory) =>
        spec => TrainerFactory.Create(spec.Trainer, SpaceBuilder.Build(spec), SpecFile.LoadTable, logsDirectory);

    /// <summary>
    /// Where a run keeps its trainers' logs: beside a SQLite database, named after it ("layernas.db" → "layernas-logs");
    /// "layernas-logs" in the working directory for a PostgreSQL database.
    /// </summary>
    public static string LogsDirectory(StorageSettings storage) => storage.IsSqlite
        ? Path.ChangeExtension(Path.GetFullPath(storage.Describe()), null) + "-logs"
        : Path.GetFullPath("layernas-logs");

    /// <summary>Starts the node with <paramref name="workers"/> slots, its journal in <paramref name="storage"/>.</summary>
    public static async Task<EmbeddedNode> StartAsync(int workers, StorageSettings storage, CancellationToken cancellationToken)
    {
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging
                .ClearProviders()
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(services => services.AddAkka(ClusterHostingExtensions.SystemName, builder => builder
                .ConfigureLoggers(loggers =>
                {
                    loggers.LogLevel = Akka.Event.LogLevel.WarningLevel;
                    loggers.ClearLoggers();
                    loggers.AddLoggerFactory();
                })
                .AddLayerNasSerialization()
                .AddLayerNasCluster(new ClusterNodeSettings { Roles = [ClusterRoles.Coordinator, ClusterRoles.Worker] })
                .AddLayerNasStorage(storage)
                .AddSearchManager(new SearchManagerSettings { WarnWhenSingletonMissing = false }, Compile)
                .AddWorkerPool(new WorkerPoolSettings { Slots = workers }, Trainers(LogsDirectory(storage)))))
            .Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedNode(host);
    }

    /// <summary>Stops the node: worker slots hand back their leases and the node leaves its cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
