using Grpc.Core;
using Grpc.Net.Client;
using LayerNas.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cli.Tests.Support;

/// <summary>
/// A search on a cluster of nodes that lose a member midway, as the crash tests follow it: the answer
/// <c>layernas run</c> gives for its spec, the completions its journal keeps, and its result once it finished.
/// </summary>
internal static class ClusterSearch
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>The result <c>layernas run</c> writes for <paramref name="spec"/>, the answer a cluster must give too.</summary>
    public static async Task<string> ReferenceAsync(TempFolder folder, string spec)
    {
        var run = await Layernas.RunAsync(folder.Path, "run", spec, "--workers", "2", "--db", "reference.db", "--output", "reference.json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        return File.ReadAllText(folder.File("reference.json"));
    }

    /// <summary>
    /// Waits until the search has finished, through whichever coordinator is up at <paramref name="api"/>, and returns
    /// its result as <c>layernas result</c> writes it to <paramref name="output"/>.
    /// </summary>
    public static async Task<string> ResultAsync(Func<string> api, string? token, TempFolder folder, string searchId, string output)
    {
        await Wait.UntilAsync(async () =>
        {
            try
            {
                using var channel = GrpcChannel.ForAddress(api());
                var client = new SearchApi(new SearchService.SearchServiceClient(channel), token, CancellationToken.None);
                return (await client.GetAsync(searchId)).State == "finished";
            }
            catch (RpcException)
            {
                // The coordinator is starting again.
                return false;
            }
        }, Deadline, $"search {searchId} to finish");
        string[] tokenArgs = token is null ? [] : ["--token", token];
        var result = await Layernas.RunAsync(folder.Path, ["result", searchId, "--server", api(), .. tokenArgs, "--output", output]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return File.ReadAllText(folder.File(output));
    }

    /// <summary>The search's completed trials its journal keeps, in the order they were recorded; none while the journal's tables do not exist yet.</summary>
    public static IReadOnlyList<TrialCompleted> Completed(StorageSettings storage, string searchId)
    {
        try
        {
            return JournalReader.Completed(storage, searchId);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            // The tables do not exist yet, or a write holds the file for a moment.
            return [];
        }
    }

    /// <summary>How many of the search's completed trials the node at <paramref name="worker"/> trained.</summary>
    public static int CompletedBy(StorageSettings storage, string searchId, string worker) =>
        Completed(storage, searchId).Count(c => c.Worker.StartsWith(worker, StringComparison.Ordinal));

    public static void AssertOneCompletionPerTrial(IReadOnlyList<TrialCompleted> completed) =>
        Assert.Equal(completed.Count, completed.Select(c => c.TrialNumber).Distinct().Count());

    /// <summary>A top-level property of a result, as text.</summary>
    public static string Json(string result, string property)
    {
        using var json = System.Text.Json.JsonDocument.Parse(result);
        return json.RootElement.GetProperty(property).GetString()!;
    }
}
