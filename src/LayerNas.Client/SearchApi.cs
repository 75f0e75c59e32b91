using System.Runtime.CompilerServices;
using Grpc.Core;
using LayerNas.Protocol.V1;

namespace LayerNas.Client;

/// <summary>The coordinator's API as the client commands use it: every call carries the bearer token when there is one.</summary>
public sealed class SearchApi(SearchService.SearchServiceClient client, string? token, CancellationToken cancellationToken)
{
    /// <summary>Where a coordinator's API listens unless told otherwise.</summary>
    public const string DefaultServer = "http://127.0.0.1:50051";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Submits a spec under the id the coordinator derives from it.</summary>
    public async Task<SubmitResponse> SubmitAsync(SearchSpec spec) => await client.SubmitAsync(new SubmitRequest { Spec = spec }, Options());

    /// <summary>Where a search stands.</summary>
    public async Task<SearchStatus> GetAsync(string searchId) => await client.GetAsync(new GetRequest { SearchId = searchId }, Options());

    /// <summary>Every search the coordinator knows.</summary>
    public async Task<ListResponse> ListAsync() => await client.ListAsync(new ListRequest(), Options());

    /// <summary>Cancels a search.</summary>
    public async Task<CancelResponse> CancelAsync(string searchId, string reason) => await client.CancelAsync(new CancelRequest { SearchId = searchId, Reason = reason }, Options());

    /// <summary>The result of a search that has ended.</summary>
    public async Task<SearchResult> ResultAsync(string searchId) => await client.ResultAsync(new ResultRequest { SearchId = searchId }, Options());

    /// <summary>Progress events until the search's result.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string searchId, [EnumeratorCancellation] CancellationToken stop = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);
        using var call = client.Watch(new WatchRequest { SearchId = searchId }, new CallOptions(Headers(), cancellationToken: linked.Token));
        await foreach (var update in call.ResponseStream.ReadAllAsync(linked.Token))
        {
            yield return update;
        }
    }

    private CallOptions Options() => new(Headers(), DateTime.UtcNow + CallTimeout, cancellationToken);

    private Metadata? Headers() => token is null ? null : new Metadata { { "authorization", $"Bearer {token}" } };
}
