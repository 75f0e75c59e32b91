using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Protocol.V1;

namespace LayerNas.ThroughputBench;

/// <summary>
/// One measurement: a coordinator on a fresh journal and two worker nodes, each a separate <c>layernas node</c>
/// process on 127.0.0.1; the search is submitted over the gRPC API and timed until its finished result arrives, while
/// <see cref="BenchOptions.Readers"/> dashboard readers follow it.
/// </summary>
internal static partial class BenchRun
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    public static async Task<Measurement> MeasureAsync(BenchOptions options, string storage)
    {
        var folder = Directory.CreateTempSubdirectory("layernas-bench-").FullName;
        var nodes = new List<NodeProcess>();
        try
        {
            await using var database = await BenchDatabase.CreateAsync(storage, folder, options.Postgres);
            var coordinator = NodeProcess.Start(folder, "node", "--role", "coordinator", "--port", "0", "--api", "http://127.0.0.1:0", "--dashboard", "http://127.0.0.1:0", "--db", database.Argument);
            nodes.Add(coordinator);
            var up = await coordinator.UpAsync(StartDeadline);
            var address = up.Split(' ')[3];
            var api = $"http://127.0.0.1:{ApiPort().Match(up).Groups[1].Value}";
            var dashboard = $"http://127.0.0.1:{DashboardPort().Match(up).Groups[1].Value}";
            for (var i = 0; i < 2; i++)
            {
                nodes.Add(NodeProcess.Start(folder, "node", "--role", "worker", "--port", "0", "--slots", $"{options.Slots}", "--seed", address, "--logs", Path.Combine(folder, "logs")));
            }
            foreach (var worker in nodes.Skip(1))
            {
                await worker.UpAsync(StartDeadline);
            }

            using var channel = GrpcChannel.ForAddress(api);
            var client = new SearchService.SearchServiceClient(channel);
            var cpuBefore = nodes.Select(n => n.CpuTime).ToList();
            var clock = Stopwatch.StartNew();
            var accepted = await client.SubmitAsync(new SubmitRequest { Spec = BenchSpec.Create(options, $"throughput-{storage}") });
            using var reading = new CancellationTokenSource();
            var readers = Enumerable.Range(0, options.Readers).Select(_ => ReadAsync(dashboard, accepted.SearchId, reading.Token)).ToList();
            var result = await FinishedAsync(client, accepted.SearchId);
            clock.Stop();
            await reading.CancelAsync();
            await Task.WhenAll(readers);
            var cpu = nodes.Select((n, i) => n.CpuTime - cpuBefore[i]).ToList();
            return new Measurement(storage, result.TrialsTrained, database.Completions(accepted.SearchId), clock.Elapsed, cpu[0], cpu[1] + cpu[2]);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<SearchResult> FinishedAsync(SearchService.SearchServiceClient client, string searchId)
    {
        using var watch = client.Watch(new WatchRequest { SearchId = searchId });
        await foreach (var update in watch.ResponseStream.ReadAllAsync())
        {
            if (update.EventCase == WatchEvent.EventOneofCase.Result)
            {
                return update.Result.Status == "finished"
                    ? update.Result
                    : throw new InvalidOperationException($"search {searchId} ended {update.Result.Status}");
            }
        }
        throw new InvalidOperationException($"the watch of search {searchId} ended without a result");
    }

    /// <summary>Asks for the search's dashboard page and the coordinator's /metrics once a second until cancelled.</summary>
    private static async Task ReadAsync(string dashboard, string searchId, CancellationToken stop)
    {
        using var http = new HttpClient();
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                (await http.GetAsync($"{dashboard}/searches/{searchId}", stop)).EnsureSuccessStatusCode();
                (await http.GetAsync($"{dashboard}/metrics", stop)).EnsureSuccessStatusCode();
            }
        }
        catch (OperationCanceledException)
        {
            // The search finished.
        }
    }

    [GeneratedRegex(@"dashboard: http://[^ ;)]*:(\d+)")]
    private static partial Regex DashboardPort();

    [GeneratedRegex(@"API: http://[^ ]*:(\d+)")]
    private static partial Regex ApiPort();
}
