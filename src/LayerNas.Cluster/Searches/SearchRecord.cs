using Akka.Actor;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>What the search manager knows of one search: how it was submitted, how it ended, and its coordinator while one runs.</summary>
internal sealed class SearchRecord(SearchSubmitted submitted)
{
    public string Id => Submitted.SearchId;

    public SearchSubmitted Submitted { get; } = submitted;

    public SearchFinished? Finished { get; set; }

    /// <summary>Why the search cannot go on (its spec no longer compiles, its journal cannot be recovered).</summary>
    public string? Error { get; set; }

    public IActorRef? Coordinator { get; set; }

    /// <summary>The status the manager answers itself: an ended or failed search, or a running one without its progress (its coordinator knows that).</summary>
    public SearchStatus Status() => new()
    {
        SearchId = Id,
        Name = Submitted.Spec.Name,
        State = Finished?.Result.Status ?? (Error is not null ? "failed" : "running"),
        Result = Finished?.Result,
        Error = Error ?? "",
        TrainedByNode = { Finished?.TrainedByNode ?? new Google.Protobuf.Collections.MapField<string, long>() },
        LayerNames = { Submitted.Spec.Layers.Select(l => l.Name) },
    };
}
