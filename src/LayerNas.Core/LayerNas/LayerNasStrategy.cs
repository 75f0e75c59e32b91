using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// LayerNAS as DESIGN.md §1 reads it: depth by depth, expand every kept prefix of depth i−1 with every option of
/// layer i, drop children no completion of which can reach the target, train each survivor as its completion, and
/// keep the best K per cost bucket in depth i's memo table. Depth i+1 starts once every child of depth i is settled.
/// </summary>
/// <remarks>
/// A child's bucket is φ(prefix), its cheapest completion's cost, in H buckets over a range fixed up front from the
/// space and cost model alone (<see cref="DepthRange"/>), so tables never depend on arrival order. A child is trained
/// as its completion, which <see cref="LayerNasOptions.Completion"/> chooses (<see cref="PrefixCompletions"/>).
/// </remarks>
public sealed class LayerNasStrategy : ISearchStrategy
{
    // Depth ranges are enumerated exactly when a depth has at most this many prefixes.
    private const long EnumerationLimit = 200_000;

    private readonly SearchProblem _problem;
    private readonly LayerNasOptions _options;
    private readonly IPrefixCompletion _completion;
    private readonly CostBucketizer[] _bucketizers;
    private readonly MemoTable[] _tables;
    private readonly List<DepthStatistics> _statistics = [];
    private readonly Dictionary<Architecture, Architecture> _childByCompletion = [];
    private int _depth;
    private int _unsettled;
    private bool _proposed;

    /// <summary>Prepares a search of <paramref name="problem"/>; nothing is proposed until <see cref="Propose"/>.</summary>
    public LayerNasStrategy(SearchProblem problem, LayerNasOptions options)
    {
        _problem = problem;
        _options = options;
        var space = problem.Space;
        _completion = PrefixCompletions.For(problem, options.Completion);
        _bucketizers = new CostBucketizer[space.Depth];
        _tables = new MemoTable[space.Depth];
        for (var depth = 1; depth <= space.Depth; depth++)
        {
            _bucketizers[depth - 1] = new CostBucketizer(DepthRange(problem, depth), options.Buckets, options.Spacing);
            _tables[depth - 1] = new MemoTable(options.Buckets, options.KeepPerBucket);
        }
    }

    /// <inheritdoc />
    public string Name => "layernas";

    /// <inheritdoc />
    public bool IsDone { get; private set; }

    /// <inheritdoc />
    public SearchProgress Progress
    {
        get
        {
            var current = _statistics.Count == 0 ? null : _statistics[^1];
            return new SearchProgress(Math.Max(_depth, 1), _problem.Space.Depth, current?.Evaluated ?? 0, current is null ? 0 : current.Children - current.Pruned);
        }
    }

    /// <summary>How each depth went so far.</summary>
    public IReadOnlyList<DepthStatistics> Statistics => _statistics;

    /// <summary>The bucketizer of the last depth, whose buckets make the result's Pareto front.</summary>
    public CostBucketizer FinalBuckets => _bucketizers[^1];

    /// <summary>How a prefix is completed for training.</summary>
    public IPrefixCompletion Completion => _completion;

    /// <summary>The memo table of a depth (1-based).</summary>
    public MemoTable Table(int depth) => _tables[depth - 1];

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        if (IsDone || _unsettled > 0)
        {
            return [];
        }
        if (_proposed)
        {
            FinishDepth();
            if (IsDone)
            {
                return [];
            }
        }
        var proposals = new List<Architecture>();
        while (proposals.Count == 0 && !IsDone)
        {
            _depth++;
            proposals = ExpandDepth();
            if (proposals.Count == 0)
            {
                FinishDepth();
            }
        }
        _proposed = proposals.Count > 0;
        _unsettled = proposals.Count;
        return proposals;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward)
    {
        if (!_childByCompletion.Remove(architecture, out var child))
        {
            return;
        }
        _unsettled--;
        var statistics = _statistics[^1];
        statistics.Evaluated++;
        if (reward is not { } value)
        {
            statistics.Failed++;
            return;
        }
        var phi = _problem.CostModel.CompletionBounds(child).Min;
        _tables[_depth - 1].Offer(_bucketizers[_depth - 1].Bucket(phi), child, value);
    }

    /// <summary>
    /// The range of φ over depth-<paramref name="depth"/> prefixes that can still reach the target: from the cost
    /// model when it can bound it directly, by enumerating the prefixes when they are few, and otherwise the span of
    /// every completion clipped to the target (sound, only coarser).
    /// </summary>
    public static CostBounds DepthRange(SearchProblem problem, int depth)
    {
        if (problem.CostModel is IPrefixCostRange direct)
        {
            return direct.PrefixCostRange(depth, problem.Target);
        }
        if (PrefixCount(problem.Space, depth) <= EnumerationLimit)
        {
            var range = CostBounds.None;
            foreach (var prefix in Prefixes(problem.Space, depth))
            {
                var bounds = problem.CostModel.CompletionBounds(prefix);
                if (problem.Target.CanReach(bounds))
                {
                    range = range.Union(new CostBounds(bounds.Min, bounds.Min));
                }
            }
            return range;
        }
        var all = problem.CostModel.CompletionBounds(Architecture.Empty);
        return new CostBounds(all.Min, Math.Min(all.Max, problem.Target.Max));
    }

    private List<Architecture> ExpandDepth()
    {
        var statistics = new DepthStatistics(_depth);
        _statistics.Add(statistics);
        IEnumerable<Architecture> parents = _depth == 1 ? [Architecture.Empty] : _tables[_depth - 2].Entries.Select(e => e.Prefix);
        var proposals = new List<Architecture>();
        var options = _problem.Space.OptionCount(_depth - 1);
        foreach (var parent in parents.OrderBy(p => p))
        {
            for (var option = 0; option < options; option++)
            {
                var child = parent.Append(option);
                statistics.Children++;
                if (!_problem.CanReachTarget(child))
                {
                    statistics.Pruned++;
                    continue;
                }
                var completion = _completion.Complete(child);
                _childByCompletion[completion] = child;
                proposals.Add(completion);
            }
        }
        return proposals;
    }

    private void FinishDepth()
    {
        _statistics[^1].Kept = _tables[_depth - 1].Count;
        _proposed = false;
        if (_depth == _problem.Space.Depth || _tables[_depth - 1].Count == 0)
        {
            IsDone = true;
        }
    }

    private static long PrefixCount(SearchSpace space, int depth)
    {
        long count = 1;
        for (var layer = 0; layer < depth && count <= EnumerationLimit; layer++)
        {
            count *= space.OptionCount(layer);
        }
        return count;
    }

    private static IEnumerable<Architecture> Prefixes(SearchSpace space, int depth)
    {
        IEnumerable<Architecture> prefixes = [Architecture.Empty];
        for (var layer = 0; layer < depth; layer++)
        {
            var options = space.OptionCount(layer);
            prefixes = prefixes.SelectMany(p => Enumerable.Range(0, options).Select(p.Append));
        }
        return prefixes;
    }
}
