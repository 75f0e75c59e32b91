using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// LayerNAS for a family of cost targets in one search (the paper's LayerNAS-60M … 600M from one space): one
/// <see cref="LayerNasStrategy"/> per target over the same space, each exactly the search that target would run on
/// its own, with every result shared, so an architecture two targets' searches both propose trains once.
/// </summary>
/// <remarks>
/// <para>Without a trial budget the targets' searches run side by side. Each learns every result as it arrives (a
/// child whose completion another target trained is answered on the spot), which changes when it evaluates a child
/// but not what it keeps: memo tables depend on the set of results only, so each search keeps the tables, and trains
/// or reuses the architectures, of its separate run.</para>
/// <para>Under a budget they run one after the other, in the spec's order, so the budget is split independently of
/// arrival order: each target's search gets an equal share of the trials still left when it starts (what an earlier
/// one leaves unspent passes on) and plans its passes for that share, knowing every result before it.</para>
/// </remarks>
public sealed class MultiTargetLayerNas : ISearchStrategy, ITrialPriority
{
    private readonly SearchProblem _problem;
    private readonly IReadOnlyList<CostTarget> _targets;
    private readonly LayerNasOptions _options;
    private readonly LayerNasStrategy?[] _searches;
    private readonly HashSet<Architecture>[] _evaluated;
    private readonly Dictionary<Architecture, double?> _known = [];
    private readonly HashSet<Architecture> _proposed = [];
    private long _created;
    private int _current;

    /// <summary>A search of <paramref name="problem"/>'s space for each of <paramref name="targets"/>, with <paramref name="options"/>.</summary>
    public MultiTargetLayerNas(SearchProblem problem, IReadOnlyList<CostTarget> targets, LayerNasOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfZero(targets.Count);
        _problem = problem;
        _targets = targets;
        _options = options;
        _searches = new LayerNasStrategy?[targets.Count];
        _evaluated = [.. targets.Select(_ => new HashSet<Architecture>())];
        if (options.MaxTrials is null)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                _searches[i] = new LayerNasStrategy(problem with { Target = targets[i] }, options);
            }
        }
        else
        {
            _searches[0] = new LayerNasStrategy(problem with { Target = targets[0] }, options with { MaxTrials = options.MaxTrials / targets.Count });
        }
        FinalBuckets = new CostBucketizer(LayerNasStrategy.DepthRange(problem, problem.Space.Depth), options.Buckets, options.Spacing);
    }

    /// <inheritdoc />
    public string Name => "layernas";

    /// <summary>The targets, in the spec's order.</summary>
    public IReadOnlyList<CostTarget> Targets => _targets;

    /// <summary>Each target's search; null for a target whose turn has not come under a budget.</summary>
    public IReadOnlyList<LayerNasStrategy?> Searches => _searches;

    /// <summary>The spec's H buckets over the last depth's range of every target: the buckets of the result's Pareto front.</summary>
    public CostBucketizer FinalBuckets { get; }

    /// <inheritdoc />
    public bool IsDone => _searches.All(s => s is { IsDone: true });

    /// <inheritdoc />
    /// <remarks>The least advanced running search's stage, with the trials of every search at that stage.</remarks>
    public SearchProgress Progress
    {
        get
        {
            var running = _searches.OfType<LayerNasStrategy>().Where(s => !s.IsDone).Select(s => s.Progress).ToList();
            if (running.Count == 0)
            {
                return _searches[_current]!.Progress;
            }
            var least = running.MinBy(p => (p.Pass, p.Stage));
            var alike = running.Where(p => p.Pass == least.Pass && p.Stage == least.Stage).ToList();
            return least with { Done = alike.Sum(p => p.Done), Total = alike.Sum(p => p.Total) };
        }
    }

    /// <summary>The architectures a target's search evaluated: the trials a separate search for it would have created.</summary>
    public IReadOnlySet<Architecture> Evaluated(int target) => _evaluated[target];

    /// <inheritdoc />
    public IReadOnlyList<Architecture> Propose()
    {
        var proposals = new List<Architecture>();
        for (var i = 0; i < _searches.Length && _searches[i] is { } search; i++)
        {
            foreach (var architecture in search.Propose())
            {
                _evaluated[i].Add(architecture);
                if (_proposed.Add(architecture) && !_known.ContainsKey(architecture))
                {
                    _created++;
                }
                proposals.Add(architecture);
            }
        }
        if (proposals.Count == 0 && _options.MaxTrials is { } budget && _current < _searches.Length - 1 && _searches[_current]!.IsDone)
        {
            StartNext(budget);
            return Propose();
        }
        return proposals;
    }

    /// <inheritdoc />
    public void Report(Architecture architecture, double? reward)
    {
        _known[architecture] = reward;
        foreach (var search in _searches)
        {
            search?.Report(architecture, reward);
        }
    }

    /// <inheritdoc />
    public double Priority(Architecture architecture) =>
        _searches.OfType<LayerNasStrategy>().Select(s => s.Priority(architecture)).Where(p => p > 0).DefaultIfEmpty(0).Min();

    /// <summary>Starts the next target's search with an equal share of the trials left, knowing every result so far.</summary>
    private void StartNext(long budget)
    {
        _current++;
        var share = Math.Max(0, budget - _created) / (_searches.Length - _current);
        var search = new LayerNasStrategy(_problem with { Target = _targets[_current] }, _options with { MaxTrials = share });
        foreach (var (architecture, reward) in _known)
        {
            search.Know(architecture, reward);
        }
        _searches[_current] = search;
    }
}
