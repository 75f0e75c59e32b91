using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// An upper bound on the new trials a LayerNAS pass of H buckets and K prefixes per bucket can create, whatever the
/// rewards turn out to be, given the architectures whose results are already known.
/// </summary>
/// <remarks>
/// Depth 1 proposes every option of the first layer that can reach the target. A deeper depth expands at most K kept
/// prefixes per bucket of the depth above, so its worst case takes, in each bucket, the K prefixes with the most
/// children that cost a trial: children that can reach the target, whose completion is not yet known, and which are
/// not completed as their parent was (that child is answered with the parent's result). Where a depth above holds too
/// many prefixes to enumerate, the bound falls back to K·H prefixes with every option a trial. Every count is an upper
/// bound, so a pass whose bound fits the remaining budget is never cut by it.
/// </remarks>
internal sealed class PassBound
{
    // Children enumerated per depth to bound it exactly; beyond this the coarse bound is used.
    private const long EnumerationLimit = 50_000;

    private readonly SearchProblem _problem;
    private readonly IReadOnlyList<CostBounds> _ranges;
    private readonly BucketSpacing _spacing;
    private readonly long _firstDepth;
    private readonly List<ParentLoad[]?> _parents = [];

    /// <summary>Prepares the bound for <paramref name="problem"/>, with <paramref name="isFree"/> telling the architectures that cost no trial.</summary>
    public PassBound(SearchProblem problem, IReadOnlyList<CostBounds> ranges, BucketSpacing spacing, IPrefixCompletion completion, Func<Architecture, bool> isFree)
    {
        _problem = problem;
        _ranges = ranges;
        _spacing = spacing;
        var space = problem.Space;
        IReadOnlyList<Architecture>? level = [Architecture.Empty];
        for (var depth = 1; depth <= space.Depth; depth++)
        {
            var options = space.OptionCount(depth - 1);
            if (level is null || level.Count * (long)options > EnumerationLimit)
            {
                level = null;
                if (depth == 1)
                {
                    _firstDepth = options;
                }
                else
                {
                    _parents.Add(null);
                }
                continue;
            }
            var loads = new ParentLoad[level.Count];
            var next = new List<Architecture>();
            for (var i = 0; i < level.Count; i++)
            {
                var parent = level[i];
                var parentCompletion = depth == 1 ? null : completion.Complete(parent);
                var trials = 0;
                for (var option = 0; option < options; option++)
                {
                    var child = parent.Append(option);
                    if (!problem.CanReachTarget(child))
                    {
                        continue;
                    }
                    if (depth < space.Depth)
                    {
                        next.Add(child);
                    }
                    var childCompletion = completion.Complete(child);
                    if (!isFree(childCompletion) && !childCompletion.Equals(parentCompletion))
                    {
                        trials++;
                    }
                }
                loads[i] = new ParentLoad(depth == 1 ? 0 : problem.CostModel.CompletionBounds(parent).Min, trials);
            }
            if (depth == 1)
            {
                _firstDepth = loads[0].Trials;
            }
            else
            {
                _parents.Add(loads);
            }
            level = next;
        }
    }

    /// <summary>The most new trials a pass of <paramref name="buckets"/> buckets keeping <paramref name="keep"/> each can create.</summary>
    public long Of(int buckets, int keep)
    {
        var total = _firstDepth;
        for (var depth = 2; depth <= _problem.Space.Depth; depth++)
        {
            var parents = _parents[depth - 2];
            if (parents is null)
            {
                total += (long)keep * buckets * _problem.Space.OptionCount(depth - 1);
                continue;
            }
            var bucketizer = new CostBucketizer(_ranges[depth - 2], buckets, _spacing);
            total += parents
                .GroupBy(p => bucketizer.Bucket(p.Phi))
                .Sum(group => group.Select(p => (long)p.Trials).OrderDescending().Take(keep).Sum());
        }
        return total;
    }

    /// <summary>A prefix that may be kept: its φ, which places it in a bucket, and the trials its children would cost.</summary>
    private readonly record struct ParentLoad(double Phi, int Trials);
}
