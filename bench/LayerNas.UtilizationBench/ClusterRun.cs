using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Protocol.V1;
using LayerNas.ThroughputBench;

namespace LayerNas.UtilizationBench;

/// <summary>
/// A coordinator and two worker processes (one when there is a single slot) sharing the slots, on a fresh SQLite
/// journal; the search is submitted over the gRPC API and its wall time runs until its result arrives on a watch.
/// </summary>
internal static partial class ClusterRun
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    public static async Task<(TimeSpan Wall, TrialTimeline Timeline)> RunAsync(string folder, SearchSpec spec, int slots)
    {
        var database = Path.Combine(folder, "cluster.db");
        var nodes = new List<NodeProcess>();
        try
        {
            var coordinator = NodeProcess.Start(folder, "node", "--role", "coordinator", "--port", "0", "--api", "http://127.0.0.1:0", "--dashboard", "http://127.0.0.1:0", "--db", database);
            nodes.Add(coordinator);
            var up = await coordinator.UpAsync(StartDeadline);
            var address = up.Split(' ')[3];
            foreach (var workerSlots in slots == 1 ? [1] : new[] { slots / 2, slots - slots / 2 })
            {
                nodes.Add(NodeProcess.Start(folder, "node", "--role", "worker", "--port", "0", "--slots", $"{workerSlots}", "--seed", address, "--logs", Path.Combine(folder, "logs")));
            }
            foreach (var worker in nodes.Skip(1))
            {
                await worker.UpAsync(StartDeadline);
            }
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{ApiPort().Match(up).Groups[1].Value}");
            var client = new SearchService.SearchServiceClient(channel);
            var clock = Stopwatch.StartNew();
            var accepted = await client.SubmitAsync(new SubmitRequest { Spec = spec });
            using var watch = client.Watch(new WatchRequest { SearchId = accepted.SearchId });
            await foreach (var update in watch.ResponseStream.ReadAllAsync())
            {
                if (update.EventCase == WatchEvent.EventOneofCase.Result)
                {
                    clock.Stop();
                    return update.Result.Status == "finished"
                        ? (clock.Elapsed, TrialTimeline.Read(database))
                        : throw new InvalidOperationException($"search {accepted.SearchId} ended {update.Result.Status}");
                }
            }
            throw new InvalidOperationException($"the watch of search {accepted.SearchId} ended without a result");
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    [GeneratedRegex(@"API: http://[^ ]*:(\d+)")]
    private static partial Regex ApiPort();
}
