using LayerNas.Core.LayerNas;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Search;

/// <summary>Builds the result a user reads from a search's settled trials.</summary>
/// <remarks>
/// The best model is the highest reward among every trained architecture whose cost lies in the target, or in any of
/// several targets (ties: the cheaper, then the canonically first); with several, each target has its own best too. The Pareto front takes the best such model of each final-depth cost bucket
/// and drops those a cheaper bucket's best matches or beats, so it lists, by ascending cost, the models worth paying
/// more for. Both depend only on the set of settled trials, never on the order they settled in.
/// </remarks>
public static class SearchResultBuilder
{
    /// <summary>The result of a search in its current state, with the given status ("finished", "cancelled", "running").</summary>
    public static SearchResult Build(string searchId, CompiledSearch search, SearchState state, string status)
    {
        var space = search.Problem.Space;
        var inTarget = state.Settled
            .Where(t => t.Succeeded && search.InAnyTarget(t.Cost))
            .OrderBy(t => t, SettledRanking.Instance)
            .ToList();
        var result = new SearchResult
        {
            SearchId = searchId,
            Name = search.Spec.Name,
            Strategy = state.Strategy.Name,
            Status = status,
            TrialsTrained = state.TrialsTrained,
            TrialsFailed = state.TrialsFailed,
            TrialsCached = state.TrialsCached,
            TrialsReused = state.TrialsReused,
        };
        if (inTarget.Count > 0)
        {
            result.Best = Candidate(search, inTarget[0]);
        }
        result.ParetoFront.AddRange(ParetoFront(search.FrontBuckets(state), inTarget).Select(t => Candidate(search, t)));
        result.FailedTrials.AddRange(state.Settled
            .Where(t => !t.Succeeded)
            .OrderBy(t => t.Architecture)
            .Select(t => new FailedTrial { Architecture = { space.Names(t.Architecture) }, Reason = t.FailureReason ?? "", Attempts = t.Attempts }));
        if (state.Strategy is LayerNasStrategy layerNas)
        {
            result.Depths.AddRange(layerNas.Statistics.Select(Summary));
            result.Passes.AddRange(Passes(search, layerNas));
        }
        if (state.Strategy is MultiTargetLayerNas multi)
        {
            result.Targets.AddRange(multi.Targets.Select((target, i) => Target(search, multi, i, inTarget)));
        }
        return result;
    }

    /// <summary>How one depth of a LayerNAS search went, as results and dashboards report it.</summary>
    public static DepthSummary Summary(DepthStatistics depth) => new()
    {
        Depth = depth.Depth,
        Children = depth.Children,
        Pruned = depth.Pruned,
        Evaluated = depth.Evaluated,
        Failed = depth.Failed,
        Kept = depth.Kept,
    };

    private static TargetResult Target(CompiledSearch search, MultiTargetLayerNas multi, int index, IReadOnlyList<SettledTrial> ranked)
    {
        var target = multi.Targets[index];
        var answer = new TargetResult { Min = target.Min, Max = target.Max, Trials = multi.Evaluated(index).Count };
        if (ranked.FirstOrDefault(t => target.Contains(t.Cost)) is { } best)
        {
            answer.Best = Candidate(search, best);
        }
        if (multi.Searches[index] is { } layerNas)
        {
            answer.Depths.AddRange(layerNas.Statistics.Select(Summary));
            answer.Passes.AddRange(Passes(search, layerNas));
        }
        return answer;
    }

    private static IEnumerable<PassSummary> Passes(CompiledSearch search, LayerNasStrategy layerNas) => search.MaxTrials is null
        ? []
        : layerNas.Passes.Select(p => new PassSummary { Buckets = p.Buckets, KeepPerBucket = p.KeepPerBucket, Trials = p.Trials, Complete = p.Complete });

    private static IEnumerable<SettledTrial> ParetoFront(CostBucketizer buckets, IReadOnlyList<SettledTrial> ranked)
    {
        var bestPerBucket = new SortedDictionary<int, SettledTrial>();
        foreach (var trial in ranked)
        {
            bestPerBucket.TryAdd(buckets.Bucket(trial.Cost), trial);
        }
        var bestSoFar = double.NegativeInfinity;
        foreach (var trial in bestPerBucket.Values.OrderBy(t => t.Cost).ThenBy(t => t.Architecture))
        {
            if (trial.Outcome!.Reward > bestSoFar)
            {
                bestSoFar = trial.Outcome.Reward;
                yield return trial;
            }
        }
    }

    /// <summary>A trained trial as results and progress show it: option names, reward, cost and metrics.</summary>
    public static Candidate Candidate(CompiledSearch search, SettledTrial trial)
    {
        var candidate = new Candidate
        {
            Architecture = { search.Problem.Space.Names(trial.Architecture) },
            Reward = trial.Outcome!.Reward,
            Cost = trial.Cost,
        };
        candidate.Metrics.Add(trial.Outcome.Metrics);
        return candidate;
    }
}
