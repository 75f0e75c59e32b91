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
    private readonly StorageLock? _writer;

    private TestNode(IHost host, StorageLock? writer)
    {
        _host = host;
        _writer = writer;
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

    /// <summary>Starts a node as the commands do: a coordinator that forms its own cluster is its journal's one writer (a standby that joins seeds shares the journal).</summary>
    private static async Task<TestNode> StartAsync(LayerNasNodeSettings node)
    {
        var writer = node.Storage is { } storage && node.Cluster.SeedNodes.Length == 0 ? await StorageLock.AcquireAsync(storage) : null;
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterHostingExtensions.SystemName, builder => builder.AddLayerNasNode(node)))
            .Build();
        await host.StartAsync();
        return new TestNode(host, writer);
    }

    /// <summary>
    /// Stops the node's actor system at once, skipping coordinated shutdown: slots hand nothing back, the node does not
    /// leave its cluster, messages on their way are lost. The process lives on, so this is not a crash: the tests of
    /// the layernas command kill node processes with SIGKILL for that.
    /// </summary>
    public async Task TerminateAsync()
    {
        await System.Terminate();
        _host.Dispose();
        await ReleaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
        await ReleaseAsync();
    }

    private async Task ReleaseAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }
}
