using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// LayerNAS as DESIGN.md §1 reads it: depth by depth, expand every kept prefix of depth i−1 with every option of
/// layer i, drop children no completion of which can reach the target, train each survivor as its completion, and
/// keep the best K per cost bucket in depth i's memo table (one <see cref="LayerNasPass"/>).
/// </summary>
/// <remarks>
/// <para>Without a trial budget the search is that one pass at the spec's H and K, as the paper runs it.</para>
/// <para>Under a budget (<see cref="LayerNasOptions.MaxTrials"/>) it runs passes (docs/scheduling.md, "Trial
/// budgets"): the first at the spec's H and K, or, with <see cref="FirstPass.Fit"/>, at the largest H (then K) whose
/// worst case (<see cref="PassBound"/>) fits the budget. When a pass ends with budget left, the next one widens it, reusing every result known so far so only new children train: twice the buckets
/// while a bucket dropped prefixes finer buckets could tell apart, else one more prefix per bucket; a pass that
/// dropped nothing was exhaustive and ends the search. A pass whose worst case fits what is left runs the spec's
/// schedule and is never cut; the one that may not fit runs the barrier schedule, so the trials the budget cuts off
/// follow from the set of results alone and never from the order they arrive in.</para>
/// <para>Everything happens as results are reported, and <see cref="Propose"/> only hands the queue out, so the
/// proposal order is a function of the order of reports alone, however they are batched between calls.</para>
/// </remarks>
public sealed class LayerNasStrategy : ISearchStrategy, ITrialPriority
{
    // Depth ranges are enumerated exactly when a depth has at most this many prefixes.
    private const long EnumerationLimit = 200_000;

    // Widening doubles H up to this many buckets (or the spec's H, if more), then keeps more per bucket instead.
    private const int WidestBuckets = 1024;

    private readonly SearchProblem _problem;
    private readonly LayerNasOptions _options;
    private readonly IPrefixCompletion _completion;
    private readonly CostBounds[] _ranges;
    private readonly ProposalAccount _account;
    private readonly List<Architecture> _proposals = [];
    private readonly List<PassOutcome> _passes = [];
    private readonly List<IReadOnlyList<DepthStatistics>> _earlierStatistics = [];
    private LayerNasPass _pass;
    private long _spentBeforePass;
    private bool _started;
    private bool _finished;

    /// <summary>Prepares a search of <paramref name="problem"/>; nothing is proposed until <see cref="Propose"/>.</summary>
    public LayerNasStrategy(SearchProblem problem, LayerNasOptions options)
    {
        _problem = problem;
        _options = options;
        _completion = PrefixCompletions.For(problem, options.Completion);
        _ranges = [.. Enumerable.Range(1, problem.Space.Depth).Select(depth => DepthRange(problem, depth))];
        _account = new ProposalAccount(options.MaxTrials);
        FinalBuckets = new CostBucketizer(_ranges[^1], options.Buckets, options.Spacing);
        _pass = NewPass(new PassShape(options.Buckets, options.KeepPerBucket, options.Scheduling));
    }

    /// <inheritdoc />
    public string Name => "layernas";

    /// <summary>The settings the search runs with.</summary>
    public LayerNasOptions Options => _options;

    /// <inheritdoc />
    public bool IsDone => (_finished || (_account.Exhausted && _pass.PendingCount == 0)) && _proposals.Count == 0;

    /// <inheritdoc />
    /// <remarks>The current pass's shallowest depth not yet settled (<see cref="LayerNasPass.Progress"/>), and which pass it is.</remarks>
    public SearchProgress Progress => _pass.Progress(Math.Max(1, _passes.Count + (_finished ? 0 : 1)));

    /// <summary>How each depth went so far, summed over the passes (kept: by the latest pass that reached the depth).</summary>
    public IReadOnlyList<DepthStatistics> Statistics => _earlierStatistics.Count == 0 ? _pass.Statistics : SumOfPasses();

    /// <summary>The passes run so far, the current one last.</summary>
    public IReadOnlyList<PassOutcome> Passes => _finished ? _passes : [.. _passes, Summary(_pass)];

    /// <summary>The spec's H buckets over the last depth's range: the buckets of the result's Pareto front.</summary>
    public CostBucketizer FinalBuckets { get; }

    /// <summary>How a prefix is completed for training.</summary>
    public IPrefixCompletion Completion => _completion;

    /// <summary>The memo table of a depth (1-based), in the current (or last) pass.</summary>
    public MemoTable Table(int depth) => _pass.Table(depth);

    /// <summary>The cost buckets of a depth (1-based) in the current (or last) pass: the prefix-cost range they span and where each begins.</summary>
    public CostBucketizer Buckets(int depth) => _pass.Buckets(depth);

    /// <summary>Whether a bucket of a depth (1-based) is settled in the current (or last) pass: every child that can land in it has its result, so its kept candidates are final.</summary>
    public bool IsSettled(int depth, int bucket) => _pass.IsSettled(depth, bucket);

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        if (!_started)
        {
            _started = true;
            if (_options.MaxTrials is not null)
            {
                _pass = NewPass(FirstShape());
            }
            _pass.Start();
            Advance();
        }
        var proposals = _proposals.ToList();
        _proposals.Clear();
        return proposals;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward)
    {
        _account.Learn(architecture, reward);
        if (_pass.Report(architecture, reward))
        {
            Advance();
        }
    }

    /// <summary>
    /// Tells the search the result of an architecture trained elsewhere (by another target's search), before it proposes it: a child completed as it is answered on the spot and costs no trial.
    /// </summary>
    public void Know(Architecture architecture, double? reward) => _account.Learn(architecture, reward);

    /// <inheritdoc />
    /// <remarks>
    /// Shallower depths first, since every deeper trial waits on them; within a depth the dearer completion first,
    /// since training time grows with cost and the longest trials should not be the last to start (docs/scheduling.md
    /// compares this order with others).
    /// </remarks>
    public double Priority(Architecture architecture) => _pass.Priority(architecture);

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

    /// <summary>Starts the next pass each time the current one completes, until the plan has none.</summary>
    private void Advance()
    {
        while (!_finished && _pass.IsComplete)
        {
            var next = NextShape(_pass);
            _passes.Add(Summary(_pass));
            if (next is null)
            {
                _finished = true;
                return;
            }
            _earlierStatistics.Add(_pass.Statistics);
            _spentBeforePass = _account.Spent;
            _pass = NewPass(next);
            _pass.Start();
        }
    }

    /// <summary>
    /// The first pass under a budget: the spec's H and K, in the spec's schedule if their worst case fits and else
    /// under the barrier; or, to fit, the largest H, then K, whose worst case fits, and H = K = 1 if none does.
    /// </summary>
    private PassShape FirstShape()
    {
        var budget = _account.Remaining;
        var bound = NewBound();
        if (_options.FirstPass == FirstPass.Spec)
        {
            return new PassShape(_options.Buckets, _options.KeepPerBucket,
                bound.Of(_options.Buckets, _options.KeepPerBucket) <= budget ? _options.Scheduling : Scheduling.Barrier);
        }
        for (var keep = _options.KeepPerBucket; keep >= 1; keep--)
        {
            if (LargestFitting(bound, 1, _options.Buckets, keep, budget) is { } buckets)
            {
                return new PassShape(buckets, keep, _options.Scheduling);
            }
        }
        return new PassShape(1, 1, Scheduling.Barrier);
    }

    /// <summary>The pass after <paramref name="done"/>, or null when the search ends: unbudgeted, not widening, budget spent, or nothing dropped.</summary>
    private PassShape? NextShape(LayerNasPass done)
    {
        if (_options.MaxTrials is null || !_options.Widen || _account.Exhausted || _account.Remaining == 0 || !done.Dropped)
        {
            return null;
        }
        var (buckets, keep) = (done.Shape.Buckets, done.Shape.KeepPerBucket);
        var widest = Math.Max(_options.Buckets, WidestBuckets);
        var budget = _account.Remaining;
        var bound = NewBound();
        if (done.Separable && buckets < widest)
        {
            var finer = (int)Math.Min(2L * buckets, widest);
            return LargestFitting(bound, buckets + 1, finer, keep, budget) is { } fits
                ? new PassShape(fits, keep, _options.Scheduling)
                : new PassShape(finer, keep, Scheduling.Barrier);
        }
        return new PassShape(buckets, keep + 1, bound.Of(buckets, keep + 1) <= budget ? _options.Scheduling : Scheduling.Barrier);
    }

    /// <summary>The largest H in [<paramref name="low"/>, <paramref name="high"/>] whose bound fits <paramref name="budget"/>, by bisection; null when <paramref name="low"/> does not fit.</summary>
    private static int? LargestFitting(PassBound bound, int low, int high, int keep, long budget)
    {
        if (bound.Of(high, keep) <= budget)
        {
            return high;
        }
        if (low >= high || bound.Of(low, keep) > budget)
        {
            return null;
        }
        // Invariant: low fits, high does not.
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (bound.Of(middle, keep) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private PassBound NewBound() => new(_problem, _ranges, _options.Spacing, _completion, _account.IsFree);

    private LayerNasPass NewPass(PassShape shape) => new(_problem, _ranges, shape, _options.Spacing, _completion, _account, _proposals);

    private PassOutcome Summary(LayerNasPass pass) =>
        new(pass.Shape.Buckets, pass.Shape.KeepPerBucket, pass.Shape.Scheduling, _account.Spent - _spentBeforePass, pass.IsComplete && !pass.IsCut);

    private List<DepthStatistics> SumOfPasses()
    {
        var all = _earlierStatistics.Append(_pass.Statistics).ToList();
        var sums = new List<DepthStatistics>();
        for (var depth = 1; depth <= all.Max(s => s.Count); depth++)
        {
            var reached = all.Where(s => s.Count >= depth).Select(s => s[depth - 1]).ToList();
            sums.Add(new DepthStatistics(depth)
            {
                Children = reached.Sum(s => s.Children),
                Pruned = reached.Sum(s => s.Pruned),
                Evaluated = reached.Sum(s => s.Evaluated),
                Failed = reached.Sum(s => s.Failed),
                Kept = reached[^1].Kept,
            });
        }
        return sums;
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
