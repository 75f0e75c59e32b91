namespace LayerNas.Core.Costs;

/// <summary>A cost model that can bound, without enumeration, the prefix costs of a depth that can still reach a target.</summary>
public interface IPrefixCostRange
{
    /// <summary>Bounds of φ(prefix) = cheapest completion cost, over prefixes of this depth whose completions can land in the target.</summary>
    CostBounds PrefixCostRange(int depth, CostTarget target);
}
