using Akka.Actor;
using Akka.Hosting;
using LayerNas.Cluster;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
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
    public static Task<TestNode> StartAsync(string databasePath, TrainerProvider trainers, int slots = 4, SearchManagerSettings? manager = null, WorkerPoolSettings? workers = null) =>
        StartAsync(StorageSettings.SqliteFile(databasePath), trainers, slots, manager, workers);

    /// <summary>Starts a coordinator-and-worker node on any storage.</summary>
    public static Task<TestNode> StartAsync(StorageSettings storage, TrainerProvider trainers, int slots = 4, SearchManagerSettings? manager = null, WorkerPoolSettings? workers = null) =>
        StartAsync(new LayerNasNodeSettings
        {
            Cluster = new ClusterNodeSettings(),
            Storage = storage,
            Compile = TestSpecs.Compile,
            Manager = manager ?? new SearchManagerSettings(),
            Workers = workers ?? Slots(slots),
            Trainers = trainers,
        });

    /// <summary>Starts a node that only coordinates: the search manager, no worker slots.</summary>
    public static Task<TestNode> StartCoordinatorAsync(string databasePath) => StartCoordinatorAsync(StorageSettings.SqliteFile(databasePath));

    /// <summary>Starts a node that only coordinates, on any storage.</summary>
    public static Task<TestNode> StartCoordinatorAsync(StorageSettings storage) =>
        StartAsync(new LayerNasNodeSettings { Cluster = new ClusterNodeSettings { Roles = [ClusterRoles.Coordinator] }, Storage = storage, Compile = TestSpecs.Compile });

    /// <summary>Starts a second coordinator-role node that joins <paramref name="seed"/>'s cluster and takes the singleton over when the seed leaves.</summary>
    public static Task<TestNode> StartStandbyCoordinatorAsync(TestNode seed, string databasePath) =>
        StartAsync(new LayerNasNodeSettings
        {
            Cluster = new ClusterNodeSettings { Roles = [ClusterRoles.Coordinator], SeedNodes = [seed.Address] },
            Storage = StorageSettings.SqliteFile(databasePath),
            Compile = TestSpecs.Compile,
        });

    /// <summary>Starts a worker-only node that joins <paramref name="seed"/>'s cluster.</summary>
    public static Task<TestNode> StartWorkerAsync(TestNode seed, TrainerProvider trainers, int slots) =>
        StartAsync(new LayerNasNodeSettings
        {
            Cluster = new ClusterNodeSettings { Roles = [ClusterRoles.Worker], SeedNodes = [seed.Address] },
            Workers = Slots(slots),
            Trainers = trainers,
        });

    /// <summary>This node's cluster address.</summary>
    public string Address => Akka.Cluster.Cluster.Get(System).SelfAddress.ToString();

    private static WorkerPoolSettings Slots(int slots) => new() { Slots = slots, RetryInterval = TimeSpan.FromMilliseconds(500) };

    private static async Task<TestNode> StartAsync(LayerNasNodeSettings node)
    {
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterHostingExtensions.SystemName, builder => builder.AddLayerNasNode(node)))
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
