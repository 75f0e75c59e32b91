using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Strategies;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Specs;

/// <summary>A validated spec turned into the objects that search it.</summary>
/// <remarks>With several targets, <see cref="SearchProblem.Target"/> is the smallest range holding them all and <see cref="Targets"/> lists them.</remarks>
public sealed record CompiledSearch(SearchSpec Spec, SearchProblem Problem, long? MaxTrials, Func<ISearchStrategy> NewStrategy)
{
    /// <summary>The cost targets searched: the problem's one target, or the spec's several.</summary>
    public IReadOnlyList<CostTarget> Targets { get; init; } = [Problem.Target];

    /// <summary>Whether a cost lies in one of the targets: what makes a trained model a candidate answer.</summary>
    public bool InAnyTarget(double cost) => Targets.Any(t => t.Contains(cost));

    /// <summary>A fresh search state around a fresh strategy: what a new or recovering coordinator starts from.</summary>
    public SearchState NewState() => new(Problem, NewStrategy(), MaxTrials);

    /// <summary>
    /// The buckets of the result's Pareto front: LayerNAS's last depth at the spec's H, or 100 linear buckets over the
    /// same range for the baselines.
    /// </summary>
    public CostBucketizer FrontBuckets(SearchState state) => state.Strategy is LayerNasStrategy layerNas
        ? layerNas.FinalBuckets
        : state.Strategy is MultiTargetLayerNas multi
        ? multi.FinalBuckets
        : new CostBucketizer(LayerNasStrategy.DepthRange(Problem, Problem.Space.Depth), new LayerNasOptions().Buckets, BucketSpacing.Linear);
}
