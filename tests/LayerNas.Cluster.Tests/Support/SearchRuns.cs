using Google.Protobuf;
using LayerNas.Cluster.Client;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>Runs searches through a node's client and waits, with a deadline, for their end.</summary>
internal static class SearchRuns
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<SearchResult> RunAsync(SearchClient client, string searchId, SearchSpec spec, List<SearchProgressUpdate>? progress = null)
    {
        await client.SubmitAsync(searchId, spec, Deadline);
        return await FinishAsync(client, searchId, progress);
    }

    public static async Task<SearchResult> FinishAsync(SearchClient client, string searchId, List<SearchProgressUpdate>? progress = null)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        IMessage? last = null;
        await foreach (var update in client.WatchAsync(searchId, deadline.Token))
        {
            if (update is SearchProgressUpdate p)
            {
                progress?.Add(p);
            }
            last = update;
        }
        return last is SearchFinished finished
            ? finished.Result
            : throw new Xunit.Sdk.XunitException($"search {searchId} ended with {last?.Descriptor.Name ?? "nothing"}: {last}");
    }
}
