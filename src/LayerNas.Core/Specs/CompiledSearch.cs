using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Strategies;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>A validated spec turned into the objects that search it.</summary>
public sealed record CompiledSearch(SearchSpec Spec, SearchProblem Problem, long? MaxTrials, Func<ISearchStrategy> NewStrategy)
{
    /// <summary>A fresh search state around a fresh strategy: what a new or recovering coordinator starts from.</summary>
    public SearchState NewState() => new(Problem, NewStrategy(), MaxTrials);

    /// <summary>The buckets of the result's Pareto front: LayerNAS's last depth, or 100 linear buckets over the same range for the baselines.</summary>
    public CostBucketizer FrontBuckets(SearchState state) => state.Strategy is LayerNasStrategy layerNas
        ? layerNas.FinalBuckets
        : new CostBucketizer(LayerNasStrategy.DepthRange(Problem, Problem.Space.Depth), new LayerNasOptions().Buckets, BucketSpacing.Linear);
}
