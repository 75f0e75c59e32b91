using Akka.Hosting;
using LayerNas.Cluster;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Specs;
using LayerNas.Trainers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LayerNas.RecoveryBench;

/// <summary>A node in this process, hosted as <c>layernas run</c> and <c>layernas node</c> host theirs: with worker slots to train, or a coordinator alone to recover.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchNode(IHost host)
    {
        _host = host;
        var system = host.Services.GetRequiredService<Akka.Actor.ActorSystem>();
        Client = new SearchClient(system, ActorRegistry.For(system).Get<SearchManager>());
    }

    public SearchClient Client { get; }

    public static async Task<BenchNode> StartAsync(string database, SearchManagerSettings manager, int slots)
    {
        var roles = slots > 0 ? new[] { ClusterRoles.Coordinator, ClusterRoles.Worker } : [ClusterRoles.Coordinator];
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(ClusterHostingExtensions.SystemName, akka => akka.AddLayerNasNode(new LayerNasNodeSettings
            {
                Cluster = new ClusterNodeSettings { Roles = roles },
                Storage = StorageSettings.SqliteFile(database),
                Compile = spec => SearchFactory.Compile(spec, (path, _) => throw new InvalidOperationException($"no tables here: {path}")),
                Manager = manager,
                Workers = new WorkerPoolSettings { Slots = Math.Max(1, slots) },
                Trainers = (spec, slot) => TrainerFactory.Create(spec.Trainer, SpaceBuilder.Build(spec), (path, _) => throw new InvalidOperationException($"no tables here: {path}"), ProcessLaunch.Trusted(Path.GetTempPath()) with { Slot = new TrainerSlot(slot, null) }),
                LogLevel = Akka.Event.LogLevel.WarningLevel,
            })))
            .Build();
        await host.StartAsync();
        return new BenchNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
