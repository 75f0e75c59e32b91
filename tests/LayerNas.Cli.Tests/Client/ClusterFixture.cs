using LayerNas.Cli.Tests.Support;

namespace LayerNas.Cli.Tests.Client;

/// <summary>One coordinator and two worker processes, shared by the tests of a class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    internal LocalCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await LocalCluster.StartAsync(workers: 2);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
