using Akka.Actor;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>What the search manager knows of one search: how it was submitted, how it ended, and its coordinator while one runs.</summary>
internal sealed class SearchRecord(SearchSubmitted submitted)
{
    public string Id => Submitted.SearchId;

    public SearchSubmitted Submitted { get; } = submitted;

    /// <summary>
    /// The search's shared trial cache key, kept so a submit compares keys instead of hashing every ended search's spec
    /// again; worked out when first asked for, so recovering the manager hashes nothing.
    /// </summary>
    public string? TrialCacheKey => field ??= TrialCache.Key(Submitted.Spec);

    public SearchFinished? Finished { get; set; }

    /// <summary>Why the search cannot go on (its spec no longer compiles, its journal cannot be recovered).</summary>
    public string? Error { get; set; }

    public IActorRef? Coordinator { get; set; }

    /// <summary>"running", "finished", "cancelled" or "failed".</summary>
    public string State => Finished?.Result.Status ?? (Error is not null ? "failed" : "running");

    /// <summary>The status the manager answers itself: an ended or failed search, or a running one without its progress (its coordinator knows that).</summary>
    public SearchStatus Status()
    {
        var status = SearchStatuses.Of(Id, Submitted.Spec);
        status.State = State;
        status.Result = Finished?.Result;
        status.Error = Error ?? "";
        status.SubmittedUnixMs = Submitted.SubmittedUnixMs;
        if (Finished is { } finished)
        {
            status.TrainedByNode.Add(finished.TrainedByNode);
            status.EndedUnixMs = finished.EndedUnixMs;
        }
        return status;
    }
}
