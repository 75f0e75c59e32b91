using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Cli.Tests.Support;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Client;

[Collection(ProcessTests.Name)]
public sealed class ApiSecurityTests
{
    private const string Token = "s3cret-t0ken-for-tests";

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    public async Task A_node_refuses_to_serve_the_api_beyond_loopback_without_a_token(string api)
    {
        using var folder = new TempFolder();

        var fromFlag = await Layernas.RunAsync(folder.Path, "node", "--role", "coordinator", "--port", "0", "--api", api);
        using var fromEnvironment = LayernasProcess.Start(folder.Path, new Dictionary<string, string> { ["LAYERNAS_API"] = api, ["LAYERNAS_PORT"] = "0" }, "node");
        var exit = await fromEnvironment.ExitAsync(Layernas.Deadline);

        Assert.Equal(2, fromFlag.ExitCode);
        var line = Assert.Single(fromFlag.StderrLines);
        Assert.Contains("needs a bearer token", line);
        Assert.Contains("--token or LAYERNAS_TOKEN", line);
        Assert.Equal(2, exit);
        Assert.Contains("needs a bearer token", fromEnvironment.Stderr);
        Assert.False(File.Exists(folder.File("layernas-coordinator.db")));
    }

    [Fact]
    public async Task Beyond_loopback_every_call_needs_the_right_bearer_token()
    {
        await using var cluster = await LocalCluster.StartAsync(workers: 0, ["--role", "both", "--api", "http://0.0.0.0:0", "--token", Token]);
        using var folder = new TempFolder();
        var burger = Examples.Path("burger.json");

        var missing = await Layernas.RunAsync(folder.Path, "list", "--server", cluster.Api);
        var wrong = await Layernas.RunAsync(folder.Path, "submit", burger, "--server", cluster.Api, "--token", "not-the-token");
        var right = await RunWithTokenAsync(folder.Path, "submit", burger, "--server", cluster.Api, "--watch");
        var listed = await RunWithTokenAsync(folder.Path, "list", "--server", cluster.Api);
        var api = new SearchService.SearchServiceClient(GrpcChannel.ForAddress(cluster.Api));
        var unary = await Assert.ThrowsAsync<RpcException>(async () => await api.ListAsync(new ListRequest()));
        var stream = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = api.Watch(new WatchRequest { SearchId = "s-000000000000" });
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: this API needs a bearer token (--token or LAYERNAS_TOKEN)", Assert.Single(missing.StderrLines));
        Assert.Equal(2, wrong.ExitCode);
        Assert.Equal("error: the bearer token is wrong", Assert.Single(wrong.StderrLines));
        Assert.True(right.ExitCode == 0, right.Stderr);
        Assert.Contains("best: bun=", right.Stdout);
        Assert.Contains("gburger  finished", listed.Stdout);
        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (unary.StatusCode, stream.StatusCode));
        Assert.Contains("bearer token required", Assert.Single(cluster.Coordinator.Stdout, l => l.StartsWith("node up at ", StringComparison.Ordinal)));
        Assert.DoesNotContain(Token, string.Join('\n', cluster.Coordinator.Stdout) + cluster.Coordinator.Stderr);
    }

    private static async Task<Layernas.Outcome> RunWithTokenAsync(string folder, params string[] args)
    {
        using var process = LayernasProcess.Start(folder, new Dictionary<string, string> { ["LAYERNAS_TOKEN"] = Token }, args);
        var exit = await process.ExitAsync(Layernas.Deadline);
        return new Layernas.Outcome(exit, string.Join('\n', process.Stdout), process.Stderr);
    }
}
