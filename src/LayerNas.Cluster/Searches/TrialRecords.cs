using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>The trial records a search's persisted results describe, and the pages <see cref="SearchTrials"/> carries them in.</summary>
public static class TrialRecords
{
    /// <summary>Trials per page: a few hundred bytes each, so a page stays far below a remote message's size limit.</summary>
    public const int PageSize = 256;

    /// <summary>One record per persisted result, in trial-number order, named and priced by <paramref name="search"/>.</summary>
    public static IReadOnlyList<TrialRecord> Of(CompiledSearch search, IEnumerable<TrialCompleted> completed, IEnumerable<TrialFailed> failed)
    {
        var space = search.Problem.Space;
        var cost = search.Problem.CostModel;
        var trained = completed.Select(c =>
        {
            var architecture = c.Architecture.ToArchitecture();
            return new TrialRecord
            {
                TrialNumber = c.TrialNumber,
                Architecture = { space.Names(architecture) },
                Cost = cost.Cost(architecture),
                Reward = c.Reward,
                Metrics = { c.Metrics },
                Seconds = c.Seconds,
                Worker = c.Worker,
            };
        });
        var lost = failed.Select(f =>
        {
            var architecture = f.Architecture.ToArchitecture();
            return new TrialRecord
            {
                TrialNumber = f.TrialNumber,
                Architecture = { space.Names(architecture) },
                Cost = cost.Cost(architecture),
                Failed = true,
                FailureReason = f.Reason,
                Attempts = f.Attempts,
            };
        });
        return [.. trained.Concat(lost).OrderBy(r => r.TrialNumber)];
    }

    /// <summary>The page of <paramref name="records"/> that starts at <paramref name="offset"/> (clamped to the records held).</summary>
    public static SearchTrials Page(string searchId, IReadOnlyList<TrialRecord> records, int offset)
    {
        var start = Math.Clamp(offset, 0, records.Count);
        return new SearchTrials
        {
            SearchId = searchId,
            Offset = start,
            Total = records.Count,
            Trials = { records.Skip(start).Take(PageSize) },
        };
    }
}
