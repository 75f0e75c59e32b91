using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// LayerNAS as DESIGN.md §1 reads it: depth by depth, expand every kept prefix of depth i−1 with every option of
/// layer i, drop children no completion of which can reach the target, train each survivor as its completion, and
/// keep the best K per cost bucket in depth i's memo table.
/// </summary>
/// <remarks>
/// <para>A child's bucket is φ(prefix), its cheapest completion's cost, in H buckets over a range fixed up front from
/// the space and cost model alone (<see cref="DepthRange"/>), so tables never depend on arrival order. A child is
/// trained as its completion, which <see cref="LayerNasOptions.Completion"/> chooses (<see cref="PrefixCompletions"/>).</para>
/// <para>Scheduling (docs/scheduling.md): a child's cheapest completion is one of its parent's completions, so its φ
/// is at least its parent's, and the children of a depth-i bucket land in depth-(i+1) buckets no cheaper than the one
/// holding that bucket's lower edge. A depth-(i+1) bucket is therefore settled once every depth-i bucket that could
/// feed it is settled and every child in it has its result; <see cref="Scheduling.Pipelined"/> expands a settled
/// bucket's winners at once, <see cref="Scheduling.Barrier"/> only when the whole depth is settled. Either way each
/// table sees the same children, so both give the same tables and train the same architectures.</para>
/// <para>Everything happens as results are reported: a report settles what it can, expands what is settled and queues
/// the new proposals in that order, and <see cref="Propose"/> only hands the queue out. The proposal order is thus a
/// function of the order of reports alone, however they are batched between calls. A child whose completion was
/// already reported (a child completed with the default option its parent was trained with) is evaluated with that
/// result on the spot, still proposed so the caller counts it as cached.</para>
/// </remarks>
public sealed class LayerNasStrategy : ISearchStrategy, ITrialPriority
{
    // Depth ranges are enumerated exactly when a depth has at most this many prefixes.
    private const long EnumerationLimit = 200_000;

    // A child's φ may fall below its parent's by a rounding error of the cost sums; bucket reaches allow for that.
    private const double RoundingAllowance = 1e-9;

    private readonly SearchProblem _problem;
    private readonly LayerNasOptions _options;
    private readonly IPrefixCompletion _completion;
    private readonly CostBucketizer[] _bucketizers;
    private readonly MemoTable[] _tables;
    private readonly DepthSettlement[] _settlements;
    private readonly List<DepthStatistics> _statistics = [];
    private readonly Dictionary<Architecture, PendingChild> _pending = [];
    private readonly Dictionary<Architecture, double?> _reported = [];
    private readonly List<Architecture> _proposals = [];
    private bool _started;

    /// <summary>Prepares a search of <paramref name="problem"/>; nothing is proposed until <see cref="Propose"/>.</summary>
    public LayerNasStrategy(SearchProblem problem, LayerNasOptions options)
    {
        _problem = problem;
        _options = options;
        var space = problem.Space;
        _completion = PrefixCompletions.For(problem, options.Completion);
        _bucketizers = new CostBucketizer[space.Depth];
        _tables = new MemoTable[space.Depth];
        _settlements = new DepthSettlement[space.Depth];
        for (var depth = 1; depth <= space.Depth; depth++)
        {
            _bucketizers[depth - 1] = new CostBucketizer(DepthRange(problem, depth), options.Buckets, options.Spacing);
            _tables[depth - 1] = new MemoTable(options.Buckets, options.KeepPerBucket);
            _settlements[depth - 1] = new DepthSettlement(options.Buckets);
        }
    }

    /// <inheritdoc />
    public string Name => "layernas";

    /// <inheritdoc />
    public bool IsDone => _settlements[^1].IsComplete && _proposals.Count == 0;

    /// <inheritdoc />
    /// <remarks>
    /// The stage is the shallowest depth not yet settled, so stages only move forward; its total is final by then,
    /// because every prefix of the depth above is expanded, and its done count includes the trials that already ran
    /// while the depth above was finishing.
    /// </remarks>
    public SearchProgress Progress
    {
        get
        {
            var current = _statistics.FirstOrDefault(s => !_settlements[s.Depth - 1].IsComplete) ?? _statistics.LastOrDefault();
            return new SearchProgress(current?.Depth ?? 1, _problem.Space.Depth, current?.Evaluated ?? 0, current is null ? 0 : current.Children - current.Pruned);
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

    /// <summary>The cost buckets of a depth (1-based): the prefix-cost range they span and where each begins.</summary>
    public CostBucketizer Buckets(int depth) => _bucketizers[depth - 1];

    /// <summary>Whether a bucket of a depth (1-based) is settled: every child that can land in it has its result, so its kept candidates are final.</summary>
    public bool IsSettled(int depth, int bucket) => _settlements[depth - 1].IsSettled(bucket);

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        if (!_started)
        {
            _started = true;
            Expand(1, [Architecture.Empty]);
            OnSettled(1, _settlements[0].CloseBelow(_options.Buckets));
        }
        var proposals = _proposals.ToList();
        _proposals.Clear();
        return proposals;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward)
    {
        if (!_pending.Remove(architecture, out var child))
        {
            return;
        }
        _reported[architecture] = reward;
        var depth = child.Prefix.Length;
        Evaluate(child, reward);
        OnSettled(depth, _settlements[depth - 1].Resolve(child.Bucket));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Shallower depths first, since every deeper trial waits on them; within a depth the dearer completion first,
    /// since training time grows with cost and the longest trials should not be the last to start (docs/scheduling.md
    /// compares this order with others).
    /// </remarks>
    public double Priority(Architecture architecture) =>
        _pending.TryGetValue(architecture, out var child) ? child.Priority : 0;

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

    /// <summary>Reacts to buckets of a depth becoming settled: expands what the schedule allows and closes what that frees below.</summary>
    private void OnSettled(int depth, IReadOnlyList<int> buckets)
    {
        if (buckets.Count == 0)
        {
            return;
        }
        var settlement = _settlements[depth - 1];
        if (settlement.IsComplete && depth <= _statistics.Count)
        {
            _statistics[depth - 1].Kept = _tables[depth - 1].Count;
        }
        if (depth == _problem.Space.Depth)
        {
            return;
        }
        var table = _tables[depth - 1];
        if (_options.Scheduling == Scheduling.Pipelined)
        {
            foreach (var bucket in buckets)
            {
                Expand(depth + 1, table.Bucket(bucket).Select(e => e.Prefix).Order());
            }
        }
        else if (settlement.IsComplete)
        {
            Expand(depth + 1, table.Entries.Select(e => e.Prefix).Order());
        }
        var closed = settlement.IsComplete ? _options.Buckets
            : _options.Scheduling == Scheduling.Pipelined ? Reach(depth, settlement.LowestUnsettled)
            : 0;
        var next = _settlements[depth];
        if (closed > next.ClosedBelow)
        {
            OnSettled(depth + 1, next.CloseBelow(closed));
        }
    }

    /// <summary>Makes the children of <paramref name="parents"/> at <paramref name="depth"/>: pruned, answered from an earlier report, or proposed.</summary>
    private void Expand(int depth, IEnumerable<Architecture> parents)
    {
        var settlement = _settlements[depth - 1];
        var options = _problem.Space.OptionCount(depth - 1);
        foreach (var parent in parents)
        {
            var statistics = StatisticsOf(depth);
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
                var bucket = _bucketizers[depth - 1].Bucket(Phi(child));
                _proposals.Add(completion);
                if (_reported.TryGetValue(completion, out var reward))
                {
                    settlement.RequireOpen(bucket);
                    Evaluate(new PendingChild(child, bucket, 0), reward);
                    continue;
                }
                settlement.AddOutstanding(bucket);
                _pending[completion] = new PendingChild(child, bucket, PriorityOf(depth, _problem.CostModel.Cost(completion)));
            }
        }
    }

    private void Evaluate(PendingChild child, double? reward)
    {
        var depth = child.Prefix.Length;
        var statistics = _statistics[depth - 1];
        statistics.Evaluated++;
        if (reward is { } value)
        {
            _tables[depth - 1].Offer(child.Bucket, child.Prefix, value);
        }
        else
        {
            statistics.Failed++;
        }
    }

    private DepthStatistics StatisticsOf(int depth)
    {
        // Depths start in order: a depth's first child has a parent kept by the depth above, whose entry exists.
        if (_statistics.Count < depth)
        {
            _statistics.Add(new DepthStatistics(depth));
        }
        return _statistics[depth - 1];
    }

    /// <summary>The cheapest bucket of depth + 1 that a child of a prefix in <paramref name="bucket"/> of <paramref name="depth"/> can land in.</summary>
    private int Reach(int depth, int bucket)
    {
        if (bucket == _options.Buckets)
        {
            return _options.Buckets;
        }
        var edge = _bucketizers[depth - 1].LowerEdge(bucket);
        return _bucketizers[depth].Bucket(edge - RoundingAllowance * Math.Max(1, Math.Abs(edge)));
    }

    private double Phi(Architecture prefix) => _problem.CostModel.CompletionBounds(prefix).Min;

    // The depth, plus a fraction in (0, ½] that shrinks as the completion's cost grows.
    private static double PriorityOf(int depth, double cost) => depth + 1 / (2 + Math.Max(0, cost));

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

    /// <summary>A child awaiting its result: the prefix, its bucket and its dispatch priority.</summary>
    private sealed record PendingChild(Architecture Prefix, int Bucket, double Priority);
}
