using System.Net;
using System.Net.Sockets;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Node.Web;

namespace LayerNas.Cli.Tests.Node;

/// <summary>The web endpoint's port: a default that steps aside for one taken, and a chosen one that is taken said in one line.</summary>
[Collection(ProcessTests.Name)]
public sealed class WebPortTests
{
    [Fact]
    public void The_default_web_port_moves_to_a_free_one_above_a_taken_one_and_to_any_free_port_when_none_is()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var next = DefaultWebEndpoint.Pick(port, 5);

        Assert.True(next.IsLoopback);
        Assert.InRange(next.Port, port + 1, port + 4);
        using var bound = new TcpListener(IPAddress.Loopback, next.Port);
        bound.Start();
        Assert.Equal(0, DefaultWebEndpoint.Pick(port, 1).Port);
    }

    [Fact]
    public async Task A_run_whose_dashboard_port_is_taken_says_so_in_one_line_and_trains_nothing()
    {
        using var folder = new TempFolder();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await Layernas.RunAsync(folder.Path, "run", Examples.Path("burger.json"), "--db", "run.db", "--dashboard", $"http://127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: Failed to bind to address http://127.0.0.1:{port}: address already in use.", Assert.Single(run.StderrLines));
        Assert.DoesNotContain("trials:", run.Stdout, StringComparison.Ordinal);
    }
}
