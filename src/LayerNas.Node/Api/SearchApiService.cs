using System.Text.RegularExpressions;
using Akka.Actor;
using Google.Protobuf;
using Grpc.Core;
using LayerNas.Cluster.Client;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Node.Api;

/// <summary>
/// The coordinator's gRPC API: each call becomes a message to the search manager (through its singleton proxy) and
/// each refusal a gRPC status with one readable line. A call never takes the node down: whatever goes wrong ends
/// that call only.
/// </summary>
public sealed partial class SearchApiService(SearchClient client, SpecCheck check, SearchApiSettings settings) : SearchService.SearchServiceBase
{
    /// <inheritdoc />
    public override Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context) => Answer(async () =>
    {
        if (request.Spec is null)
        {
            throw Refuse(StatusCode.InvalidArgument, "a submit needs a spec");
        }
        var searchId = request.SearchId.Length == 0 ? SearchIds.Of(request.Spec) : CheckId(request.SearchId);
        try
        {
            // Tables are read here, on the coordinator, as the search will read them; the search manager compiles it.
            check(request.Spec);
        }
        catch (Exception e) when (e is SpecException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw Refuse(StatusCode.InvalidArgument, e.Message);
        }
        try
        {
            var accepted = await client.SubmitAsync(searchId, request.Spec, settings.ManagerTimeout, context.CancellationToken);
            return new SubmitResponse { SearchId = accepted.SearchId, Existing = accepted.Existing, Finished = accepted.Finished };
        }
        catch (SearchRejectedException e)
        {
            throw Refuse(StatusCode.InvalidArgument, e.Message);
        }
    });

    /// <inheritdoc />
    public override Task<SearchStatus> Get(GetRequest request, ServerCallContext context) => Answer(async () =>
        await client.GetAsync(CheckId(request.SearchId), settings.ManagerTimeout, context.CancellationToken) ?? throw NotFound(request.SearchId));

    /// <inheritdoc />
    public override Task<ListResponse> List(ListRequest request, ServerCallContext context) => Answer(async () =>
    {
        var list = await client.ListAsync(settings.ManagerTimeout, context.CancellationToken);
        // The manager lists running searches without progress; their coordinators know it.
        var statuses = await Task.WhenAll(list.Searches.Select(async status => status.State == "running"
            ? await client.GetAsync(status.SearchId, settings.ManagerTimeout, context.CancellationToken) ?? status
            : status));
        return new ListResponse { Searches = { statuses } };
    });

    /// <inheritdoc />
    public override Task Watch(WatchRequest request, IServerStreamWriter<WatchEvent> responseStream, ServerCallContext context) => Answer(async () =>
    {
        var searchId = CheckId(request.SearchId);
        SearchProgressUpdate? sent = null;
        var sentAt = DateTime.MinValue;
        await foreach (var update in client.WatchAsync(searchId, context.CancellationToken))
        {
            switch (update)
            {
                case SearchProgressUpdate progress when sent is null || sent.Stage != progress.Stage || sent.PassNumber != progress.PassNumber || DateTime.UtcNow - sentAt >= settings.WatchInterval:
                    await responseStream.WriteAsync(new WatchEvent { Progress = progress }, context.CancellationToken);
                    (sent, sentAt) = (progress, DateTime.UtcNow);
                    break;
                case SearchFinished finished:
                    await responseStream.WriteAsync(new WatchEvent { Result = finished.Result }, context.CancellationToken);
                    return true;
                case SearchError error:
                    throw Refuse(StatusCode.FailedPrecondition, error.Reason);
                case SearchNotFound:
                    throw NotFound(searchId);
            }
        }
        throw Refuse(StatusCode.Unavailable, $"the watch of search {searchId} ended before the search did");
    });

    /// <inheritdoc />
    public override Task<CancelResponse> Cancel(CancelRequest request, ServerCallContext context) => Answer(async () =>
    {
        var searchId = CheckId(request.SearchId);
        var reason = request.Reason.Length > 0 ? OneLine(request.Reason) : "cancelled through the API";
        if (PrintableText.Problem(reason) is { } problem)
        {
            // `layernas status` prints the reason: it must not carry terminal escapes.
            throw Refuse(StatusCode.InvalidArgument, $"the reason {problem}");
        }
        var accepted = await client.CancelAsync(searchId, reason, settings.ManagerTimeout, context.CancellationToken) ?? throw NotFound(searchId);
        return new CancelResponse { SearchId = searchId, AlreadyEnded = accepted.AlreadyEnded };
    });

    /// <inheritdoc />
    public override Task<SearchResult> Result(ResultRequest request, ServerCallContext context) => Answer(async () =>
    {
        var status = await client.GetAsync(CheckId(request.SearchId), settings.ManagerTimeout, context.CancellationToken) ?? throw NotFound(request.SearchId);
        return status switch
        {
            { Result: { } result } => result,
            { State: "failed" } => throw Refuse(StatusCode.FailedPrecondition, $"search {status.SearchId} failed: {status.Error}"),
            _ => throw Refuse(StatusCode.FailedPrecondition, $"search {status.SearchId} is still running"),
        };
    });

    /// <summary>Runs a call, turning what can go wrong into a gRPC status instead of an unhandled exception.</summary>
    private static async Task<T> Answer<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException)
        {
            throw;
        }
        catch (AskTimeoutException)
        {
            throw Refuse(StatusCode.Unavailable, "the search manager did not answer in time; the cluster may still be forming or moving its coordinator");
        }
        catch (OperationCanceledException)
        {
            throw Refuse(StatusCode.Cancelled, "the call was cancelled");
        }
    }

    private static string CheckId(string searchId) => SearchIdPattern().IsMatch(searchId)
        ? searchId
        : throw Refuse(StatusCode.InvalidArgument, "a search id is 1 to 64 letters, digits, '.', '_' or '-'");

    private static RpcException NotFound(string searchId) => Refuse(StatusCode.NotFound, $"no search has the id {searchId}");

    private static RpcException Refuse(StatusCode code, string message) => new(new Grpc.Core.Status(code, OneLine(message)));

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SearchIdPattern();
}
