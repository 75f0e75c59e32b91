using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// Finds a prefix's dearest completion inside the target: of the completions whose cost lies in [min, max], the one
/// of highest cost, and of several with that cost the canonically first (<see cref="Architecture.CompareTo"/>).
/// A layer that names its own default option keeps it.
/// </summary>
/// <remarks>
/// Branch and bound over the open layers, on the cost model's completion bounds: dynamic programming over the layer
/// chain for additive and conv-macs costs, the enumerated table for table costs. A subtree is skipped when its
/// cheapest completion is above the target, when its dearest is below it, or when neither its bound (its dearest
/// completion, capped at the target's max) nor, at an equal bound, the canonical order lets it beat the best
/// completion found so far. A greedy descent (each open layer's option with the highest bound) supplies that first
/// best, so most subtrees are skipped at once. The answer is exact whenever the search settles within
/// <see cref="StepLimit"/> steps, as it does on every space small enough to enumerate; past the limit it is the
/// dearest completion found by then, still inside the target.
/// </remarks>
public sealed class DearestCompletionSearch
{
    /// <summary>Subtrees one search may weigh before it answers with the best completion found so far.</summary>
    public const int StepLimit = 20_000;

    private readonly SearchProblem _problem;
    private readonly int[][] _options;

    /// <summary>Prepares to complete prefixes of <paramref name="problem"/>'s space.</summary>
    public DearestCompletionSearch(SearchProblem problem)
    {
        _problem = problem;
        _options = [.. problem.Space.Layers.Select(l => l.DefaultOption is { } fixedOption ? [fixedOption] : Enumerable.Range(0, l.Options.Length).ToArray())];
    }

    /// <summary>The dearest completion of <paramref name="prefix"/> inside the target, or null when none was found.</summary>
    public Architecture? Find(Architecture prefix)
    {
        var walk = new Walk();
        if (Descend(prefix) is { } first)
        {
            (walk.Best, walk.BestCost) = (first, _problem.CostModel.Cost(first));
        }
        Visit(prefix, walk);
        return walk.Best;
    }

    private Architecture? Descend(Architecture prefix)
    {
        var path = prefix;
        while (path.Length < _problem.Space.Depth)
        {
            Architecture? next = null;
            var highest = double.NegativeInfinity;
            foreach (var option in _options[path.Length])
            {
                var child = path.Append(option);
                if (Bound(child) is { } bound && bound > highest)
                {
                    (next, highest) = (child, bound);
                }
            }
            if (next is null)
            {
                return null;
            }
            path = next;
        }
        return _problem.IsFeasible(path) ? path : null;
    }

    private void Visit(Architecture path, Walk walk)
    {
        if (path.Length == _problem.Space.Depth)
        {
            var cost = _problem.CostModel.Cost(path);
            if (_problem.Target.Contains(cost) && walk.IsBeatenBy(cost, path))
            {
                (walk.Best, walk.BestCost) = (path, cost);
            }
            return;
        }
        foreach (var option in _options[path.Length])
        {
            if (walk.Steps++ >= StepLimit)
            {
                return;
            }
            var child = path.Append(option);
            if (Bound(child) is { } bound && walk.MayBeBeatenWithin(bound, child))
            {
                Visit(child, walk);
            }
        }
    }

    // The dearest cost a completion of the prefix can have inside the target; null when none can land there.
    private double? Bound(Architecture prefix)
    {
        var bounds = _problem.CostModel.CompletionBounds(prefix);
        var target = _problem.Target;
        var bound = Math.Min(bounds.Max, target.Max);
        return bounds.Min <= target.Max && bound >= target.Min ? bound : null;
    }

    private sealed class Walk
    {
        public Architecture? Best { get; set; }

        public double BestCost { get; set; } = double.NegativeInfinity;

        public int Steps { get; set; }

        public bool IsBeatenBy(double cost, Architecture architecture) =>
            Best is null || cost > BestCost || (cost == BestCost && architecture.CompareTo(Best) < 0);

        // A subtree whose bound equals the best cost can still hold an equally dear completion that comes first.
        public bool MayBeBeatenWithin(double bound, Architecture subtree) =>
            Best is null || bound > BestCost || (bound == BestCost && subtree.Choices.SequenceCompareTo(Best.Choices[..subtree.Length]) <= 0);
    }
}
