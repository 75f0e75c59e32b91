using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// One layered search at a fixed H and K: depth by depth, expand every kept prefix of depth i−1 with every option of
/// layer i, drop children no completion of which can reach the target, train each survivor as its completion, and
/// keep the best K per cost bucket in depth i's memo table. <see cref="LayerNasStrategy"/> runs one such pass, or
/// several under a trial budget.
/// </summary>
/// <remarks>
/// <para>A child's bucket is φ(prefix), its cheapest completion's cost, in H buckets over a range fixed up front
/// (<see cref="LayerNasStrategy.DepthRange"/>), so tables never depend on arrival order.</para>
/// <para>Scheduling (docs/scheduling.md): a child's cheapest completion is one of its parent's completions, so its φ
/// is at least its parent's, and the children of a depth-i bucket land in depth-(i+1) buckets no cheaper than the one
/// holding that bucket's lower edge. A depth-(i+1) bucket is therefore settled once every depth-i bucket that could
/// feed it is settled and every child in it has its result; <see cref="Scheduling.Pipelined"/> expands a settled
/// bucket's winners at once, <see cref="Scheduling.Barrier"/> only when the whole depth is settled. Either way each
/// table sees the same children, so both give the same tables and train the same architectures.</para>
/// <para>Everything happens as results are reported: a report settles what it can, expands what is settled and queues
/// the new proposals in that order. A child whose completion is already known (a child completed with the default
/// option its parent was trained with, or an architecture an earlier pass trained) is evaluated with that result on
/// the spot, still proposed so the caller counts it as cached. A child whose completion the budget cannot pay for is
/// not made at all, and no child after it.</para>
/// </remarks>
internal sealed class LayerNasPass
{
    // A child's φ may fall below its parent's by a rounding error of the cost sums; bucket reaches allow for that.
    private const double RoundingAllowance = 1e-9;

    private readonly SearchProblem _problem;
    private readonly IPrefixCompletion _completion;
    private readonly ProposalAccount _account;
    private readonly List<Architecture> _proposals;
    private readonly Scheduling _scheduling;
    private readonly int _buckets;
    private readonly CostBucketizer[] _bucketizers;
    private readonly MemoTable[] _tables;
    private readonly DepthSettlement[] _settlements;
    private readonly BucketOffers[] _offers;
    private readonly List<DepthStatistics> _statistics = [];
    private readonly Dictionary<Architecture, PendingChild> _pending = [];
    private bool _started;

    /// <summary>
    /// Prepares a pass of <paramref name="shape"/> over <paramref name="problem"/>, whose depths' φ ranges are
    /// <paramref name="ranges"/>; its proposals are appended to <paramref name="proposals"/>, and each new one is
    /// claimed from <paramref name="account"/>.
    /// </summary>
    public LayerNasPass(SearchProblem problem, IReadOnlyList<Costs.CostBounds> ranges, PassShape shape, BucketSpacing spacing,
        IPrefixCompletion completion, ProposalAccount account, List<Architecture> proposals)
    {
        _problem = problem;
        _completion = completion;
        _account = account;
        _proposals = proposals;
        _scheduling = shape.Scheduling;
        _buckets = shape.Buckets;
        Shape = shape;
        var depths = problem.Space.Depth;
        _bucketizers = new CostBucketizer[depths];
        _tables = new MemoTable[depths];
        _settlements = new DepthSettlement[depths];
        _offers = new BucketOffers[depths];
        for (var depth = 1; depth <= depths; depth++)
        {
            _bucketizers[depth - 1] = new CostBucketizer(ranges[depth - 1], shape.Buckets, spacing);
            _tables[depth - 1] = new MemoTable(shape.Buckets, shape.KeepPerBucket);
            _settlements[depth - 1] = new DepthSettlement(shape.Buckets);
            _offers[depth - 1] = new BucketOffers(shape.Buckets, shape.KeepPerBucket);
        }
    }

    /// <summary>The pass's H, K and schedule.</summary>
    public PassShape Shape { get; }

    /// <summary>Whether every depth is settled: the pass has nothing left to do.</summary>
    public bool IsComplete => _settlements[^1].IsComplete;

    /// <summary>Whether the budget refused one of its children: the pass stopped short, whatever it settled.</summary>
    public bool IsCut { get; private set; }

    /// <summary>Children awaiting their results.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>How each depth went so far.</summary>
    public IReadOnlyList<DepthStatistics> Statistics => _statistics;

    /// <summary>Whether some memo table was offered more prefixes than a bucket keeps: a wider pass could keep others.</summary>
    public bool Dropped => _offers.Any(o => o.Dropped);

    /// <summary>Whether some bucket dropped prefixes of different φ: finer buckets could tell them apart.</summary>
    public bool Separable => _offers.Any(o => o.Separable);

    /// <summary>
    /// The stage is the shallowest depth not yet settled, so stages only move forward; its total is final by then,
    /// because every prefix of the depth above is expanded, and its done count includes the trials that already ran
    /// while the depth above was finishing.
    /// </summary>
    public SearchProgress Progress(int pass)
    {
        var current = _statistics.FirstOrDefault(s => !_settlements[s.Depth - 1].IsComplete) ?? _statistics.LastOrDefault();
        return new SearchProgress(current?.Depth ?? 1, _problem.Space.Depth, current?.Evaluated ?? 0, current is null ? 0 : current.Children - current.Pruned, pass);
    }

    /// <summary>The memo table of a depth (1-based).</summary>
    public MemoTable Table(int depth) => _tables[depth - 1];

    /// <summary>The cost buckets of a depth (1-based) in this pass.</summary>
    public CostBucketizer Buckets(int depth) => _bucketizers[depth - 1];

    /// <summary>Whether a bucket of a depth (1-based) is settled in this pass: every child that can land in it has its result.</summary>
    public bool IsSettled(int depth, int bucket) => _settlements[depth - 1].IsSettled(bucket);

    /// <summary>Makes the first depth's children; later depths follow from reports.</summary>
    public void Start()
    {
        if (!_started)
        {
            _started = true;
            Expand(1, [Architecture.Empty]);
            OnSettled(1, _settlements[0].CloseBelow(_buckets));
        }
    }

    /// <summary>The result of a child's completion; false when the pass was not waiting for it.</summary>
    public bool Report(Architecture architecture, double? reward)
    {
        if (!_pending.Remove(architecture, out var child))
        {
            return false;
        }
        var depth = child.Prefix.Length;
        Evaluate(child, reward);
        OnSettled(depth, _settlements[depth - 1].Resolve(child.Bucket));
        return true;
    }

    /// <summary>The dispatch priority of a pending completion (see <see cref="LayerNasStrategy.Priority"/>).</summary>
    public double Priority(Architecture architecture) =>
        _pending.TryGetValue(architecture, out var child) ? child.Priority : 0;

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
        if (_scheduling == Scheduling.Pipelined)
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
        var closed = settlement.IsComplete ? _buckets
            : _scheduling == Scheduling.Pipelined ? Reach(depth, settlement.LowestUnsettled)
            : 0;
        var next = _settlements[depth];
        if (closed > next.ClosedBelow)
        {
            OnSettled(depth + 1, next.CloseBelow(closed));
        }
    }

    /// <summary>Makes the children of <paramref name="parents"/> at <paramref name="depth"/>: pruned, answered from a known result, or proposed.</summary>
    private void Expand(int depth, IEnumerable<Architecture> parents)
    {
        var settlement = _settlements[depth - 1];
        var options = _problem.Space.OptionCount(depth - 1);
        foreach (var parent in parents)
        {
            if (_account.Exhausted)
            {
                return;
            }
            var statistics = StatisticsOf(depth);
            for (var option = 0; option < options; option++)
            {
                var child = parent.Append(option);
                if (!_problem.CanReachTarget(child))
                {
                    statistics.Children++;
                    statistics.Pruned++;
                    continue;
                }
                var completion = _completion.Complete(child);
                if (!_account.Claim(completion))
                {
                    IsCut = true;
                    return;
                }
                statistics.Children++;
                var phi = Phi(child);
                var bucket = _bucketizers[depth - 1].Bucket(phi);
                _proposals.Add(completion);
                if (_account.Known(completion, out var reward))
                {
                    settlement.RequireOpen(bucket);
                    Evaluate(new PendingChild(child, bucket, phi, 0), reward);
                    continue;
                }
                settlement.AddOutstanding(bucket);
                _pending[completion] = new PendingChild(child, bucket, phi, PriorityOf(depth, _problem.CostModel.Cost(completion)));
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
            _offers[depth - 1].Add(child.Bucket, child.Phi);
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
        if (bucket == _buckets)
        {
            return _buckets;
        }
        var edge = _bucketizers[depth - 1].LowerEdge(bucket);
        return _bucketizers[depth].Bucket(edge - RoundingAllowance * Math.Max(1, Math.Abs(edge)));
    }

    private double Phi(Architecture prefix) => _problem.CostModel.CompletionBounds(prefix).Min;

    // The depth, plus a fraction in (0, ½] that shrinks as the completion's cost grows.
    private static double PriorityOf(int depth, double cost) => depth + 1 / (2 + Math.Max(0, cost));

    /// <summary>A child awaiting its result: the prefix, its bucket and φ, and its dispatch priority.</summary>
    private sealed record PendingChild(Architecture Prefix, int Bucket, double Phi, double Priority);
}
