using LayerNas.Core.Costs;
using LayerNas.Core.Space;

namespace LayerNas.Core.Search;

/// <summary>What every strategy searches: a space, its cost model and the cost target.</summary>
public sealed record SearchProblem(SearchSpace Space, ICostModel CostModel, CostTarget Target)
{
    /// <summary>Whether a complete architecture's cost lies in the target.</summary>
    public bool IsFeasible(Architecture architecture) => Target.Contains(CostModel.Cost(architecture));

    /// <summary>Whether some completion of a prefix can land in the target.</summary>
    public bool CanReachTarget(Architecture prefix) => Target.CanReach(CostModel.CompletionBounds(prefix));
}
