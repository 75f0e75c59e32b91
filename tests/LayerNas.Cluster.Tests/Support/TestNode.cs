using Akka.Actor;
using Akka.Hosting;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Serialization;
using LayerNas.Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>One cluster node in this process, hosted the way the product hosts it.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private readonly IHost _host;

    private TestNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Client = new SearchClient(System, ActorRegistry.For(System).Get<SearchManager>());
    }

    public ActorSystem System { get; }

    public SearchClient Client { get; }

    /// <summary>Starts a coordinator-and-worker node on a SQLite file.</summary>
    public static async Task<TestNode> StartAsync(string databasePath, TrainerProvider trainers, int slots = 4, SearchManagerSettings? manager = null, WorkerPoolSettings? workers = null)
    {
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterHostingExtensions.SystemName, builder => builder
                .AddLayerNasSerialization()
                .AddLayerNasCluster(new ClusterNodeSettings())
                .AddLayerNasStorage(StorageSettings.SqliteFile(databasePath))
                .AddSearchManager(manager ?? new SearchManagerSettings(), TestSpecs.Compile)
                .AddWorkerPool(workers ?? new WorkerPoolSettings { Slots = slots, RetryInterval = TimeSpan.FromMilliseconds(500) }, trainers)))
            .Build();
        await host.StartAsync();
        return new TestNode(host);
    }

    /// <summary>Ends the node the hard way: the actor system stops without handing anything over.</summary>
    public async Task KillAsync()
    {
        await System.Terminate();
        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
