using System.Net;
using System.Net.Sockets;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;

namespace LayerNas.Cli.Tests.Node;

[Collection(ProcessTests.Name)]
public sealed class NodeProcessTests
{
    [Fact]
    public async Task A_node_stopped_with_sigterm_leaves_the_cluster_and_exits_0()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 0);

        cluster.Coordinator.Terminate();
        var exit = await cluster.Coordinator.ExitAsync(Layernas.Deadline);

        Assert.Equal(0, exit);
        Assert.Contains("node stopped", cluster.Coordinator.Stdout);
    }

    [Fact]
    public async Task A_node_whose_api_port_is_taken_says_so_in_one_line_and_exits_1()
    {
        using var folder = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var node = await Layernas.RunAsync(folder.Path, "node", "--role", "coordinator", "--port", "0", "--api", $"http://127.0.0.1:{port}", "--dashboard", "http://127.0.0.1:0");

        Assert.Equal(1, node.ExitCode);
        var error = Assert.Single(node.StderrLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal($"error: the node could not start: Failed to bind to address http://127.0.0.1:{port}: address already in use.", error);
    }

    [Fact]
    public async Task A_second_node_on_the_cluster_port_a_node_listens_on_fails_to_start_with_one_line()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 0);
        var port = cluster.Address[(cluster.Address.LastIndexOf(':') + 1)..];

        var second = await Layernas.RunAsync(cluster.Folder.Path, "node", "--role", "coordinator", "--port", port, "--api", "http://127.0.0.1:0", "--db", "second.db");

        Assert.Equal(1, second.ExitCode);
        Assert.Equal($"error: the node could not start: port {port} on 127.0.0.1 is in use by another process (another node?); give this node another --port", Assert.Single(second.StderrLines));
        Assert.Equal("", second.Stdout);
    }

    [Fact]
    public async Task A_second_coordinator_on_the_journal_a_coordinator_writes_is_refused_at_start_with_one_line()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 0);

        var second = await Layernas.RunAsync(cluster.Folder.Path, "node", "--role", "coordinator", "--port", "0", "--api", "http://127.0.0.1:0", "--db", cluster.Database);

        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"error: cannot use {cluster.Database}: another layernas process is using it (it holds {cluster.Database}.lock)", Assert.Single(second.StderrLines));
        Assert.Equal("", second.Stdout);
    }

    [Fact]
    public async Task Bad_settings_end_the_node_with_one_line_and_exit_code_2_before_anything_starts()
    {
        using var folder = new TempFolder();

        var node = await Layernas.RunAsync(folder.Path, "node", "--role", "worker");

        Assert.Equal(2, node.ExitCode);
        Assert.Equal("error: a worker node needs a seed: the coordinator's address, like --seed akka.tcp://layernas@127.0.0.1:4053 (see layernas node --help)", Assert.Single(node.StderrLines));
        Assert.Empty(node.Stdout);
    }
}
