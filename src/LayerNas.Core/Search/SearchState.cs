using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.Search;

/// <summary>
/// One search as a pure state machine around a strategy: it numbers trials, keeps the trial cache, enforces the
/// trial budget and remembers every settled trial. Actors drive it; replaying persisted results through
/// <see cref="Recover"/> before the first <see cref="TakeNewTrials"/> rebuilds the same state.
/// </summary>
/// <remarks>
/// Trial numbers follow the strategy's proposal order, which depends only on the order results were reported in
/// (for strategies that work in rounds, only on their set). Recovery applies the persisted results in the order
/// given, each once its trial is proposed again, and lets the strategy propose after each one, so a search recovered
/// from its journal numbers its trials exactly as the original run did. An architecture is never trained twice in one
/// search: later proposals of it are answered from the cache and counted as cached. Outcomes reused from other
/// searches (<see cref="Reuse"/>) answer a proposal under a trial number of its own, as training it would have, so a
/// search that reuses trials creates, numbers and budgets the trials a separate search would.
/// </remarks>
public sealed class SearchState
{
    private readonly ISearchStrategy _strategy;
    private readonly long _maxTrials;
    private readonly long _maxProposals;
    private readonly Queue<SettledTrial> _replay = [];
    private readonly Dictionary<Architecture, SettledTrial> _recovered = [];
    private readonly Dictionary<Architecture, SettledTrial> _settled = [];
    private readonly Dictionary<long, Trial> _pending = [];
    private readonly Dictionary<Architecture, Waiting> _waiting = [];
    private readonly List<(Architecture Architecture, double? Reward)> _reports = [];
    private readonly Dictionary<Architecture, (TrialOutcome Outcome, int Attempts)> _reusable = [];
    private readonly List<SettledTrial> _reused = [];
    private long _proposals;
    private bool _exhausted;

    /// <summary>Starts a search; <paramref name="maxTrials"/> bounds the trials created (trained or failed).</summary>
    public SearchState(SearchProblem problem, ISearchStrategy strategy, long? maxTrials = null)
    {
        Problem = problem;
        _strategy = strategy;
        _maxTrials = maxTrials ?? long.MaxValue;
        // A strategy that only re-proposes cached architectures would otherwise spin forever.
        _maxProposals = maxTrials is { } m ? Math.Max(10_000, 100 * m) : long.MaxValue;
    }

    /// <summary>The space, cost model and target being searched.</summary>
    public SearchProblem Problem { get; }

    /// <summary>The strategy being driven.</summary>
    public ISearchStrategy Strategy => _strategy;

    /// <summary>Where the strategy stands.</summary>
    public SearchProgress Progress => _strategy.Progress;

    /// <summary>Trials created so far (the next trial's number minus one).</summary>
    public long TrialsCreated { get; private set; }

    /// <summary>Trials that trained successfully.</summary>
    public long TrialsTrained { get; private set; }

    /// <summary>Trials that failed for good.</summary>
    public long TrialsFailed { get; private set; }

    /// <summary>Proposals answered from the trial cache, including those answered from other searches' trials.</summary>
    public long TrialsCached { get; private set; }

    /// <summary>Trials answered from other searches' trained trials (<see cref="Reuse"/>) instead of training.</summary>
    public long TrialsReused { get; private set; }

    /// <summary>Trials created and not yet settled.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>The trials created and not yet settled, by number.</summary>
    public IEnumerable<Trial> PendingTrials => _pending.Values.OrderBy(t => t.Number);

    /// <summary>Every settled trial.</summary>
    public IReadOnlyCollection<SettledTrial> Settled => _settled.Values;

    /// <summary>True when nothing is pending and the strategy is done or the budget is spent.</summary>
    public bool IsDone => _pending.Count == 0 && (_strategy.IsDone || _exhausted);

    /// <summary>Whether a trial number is awaiting its result.</summary>
    public bool IsPending(long number) => _pending.ContainsKey(number);

    /// <summary>The pending trial with this number, if any.</summary>
    public Trial? PendingTrial(long number) => _pending.GetValueOrDefault(number);

    /// <summary>The settled trial of an architecture, if it has settled.</summary>
    public SettledTrial? Lookup(Architecture architecture) => _settled.GetValueOrDefault(architecture);

    /// <summary>
    /// Feeds a result from the journal (an outcome, or null and a reason for a failure), in journal order; the next
    /// <see cref="TakeNewTrials"/> applies it once its architecture is proposed.
    /// </summary>
    public void Recover(Architecture architecture, TrialOutcome? outcome, string? failureReason, int attempts) =>
        _replay.Enqueue(new SettledTrial(0, architecture, Problem.CostModel.Cost(architecture), outcome, failureReason, attempts));

    /// <summary>Lets the strategy propose (after applying any recovered results) and returns the trials that now need training, in number order.</summary>
    public IReadOnlyList<Trial> TakeNewTrials()
    {
        var created = new List<Trial>();
        ProposeAll(created);
        while (_replay.TryDequeue(out var recovered))
        {
            if (_waiting.TryGetValue(recovered.Architecture, out var waiting))
            {
                Settle(waiting.Number, recovered.Outcome, recovered.FailureReason, recovered.Attempts);
                ProposeAll(created);
            }
            else
            {
                // Its trial was proposed after a result that comes later in this order: it is answered when proposed.
                _recovered[recovered.Architecture] = recovered;
            }
        }
        return [.. created.Where(t => _pending.ContainsKey(t.Number))];
    }

    /// <summary>
    /// Makes trained outcomes of other searches answer this search's trials of their architectures: pending trials of
    /// them settle now (by number), later proposals of them settle as they are numbered. Returns the trials that now
    /// need training; <see cref="TakeReused"/> lists the trials that settled this way.
    /// </summary>
    public IReadOnlyList<Trial> Reuse(IEnumerable<(Architecture Architecture, TrialOutcome Outcome, int Attempts)> trials)
    {
        foreach (var (architecture, outcome, attempts) in trials)
        {
            _reusable.TryAdd(architecture, (outcome, attempts));
        }
        var created = new List<Trial>();
        foreach (var trial in PendingTrials.Where(t => _reusable.ContainsKey(t.Architecture)).ToList())
        {
            var (outcome, attempts) = _reusable[trial.Architecture];
            Settle(trial.Number, outcome, null, attempts, reused: true);
            ProposeAll(created);
        }
        ProposeAll(created);
        return [.. created.Where(t => _pending.ContainsKey(t.Number))];
    }

    /// <summary>The trials settled from other searches' outcomes since the last call, in the order they settled.</summary>
    public IReadOnlyList<SettledTrial> TakeReused()
    {
        var reused = _reused.ToList();
        _reused.Clear();
        return reused;
    }

    /// <summary>Records a trained trial; returns false for a number that is not pending (a duplicate or stale report).</summary>
    public bool Complete(long number, TrialOutcome outcome, int attempts = 1) => Settle(number, outcome, null, attempts);

    /// <summary>Records a trial that failed for good; returns false for a number that is not pending.</summary>
    public bool Fail(long number, string reason, int attempts) => Settle(number, null, reason, attempts);

    private void ProposeAll(List<Trial> created)
    {
        while (!_strategy.IsDone && !_exhausted)
        {
            var proposals = _strategy.Propose();
            if (proposals.Count == 0)
            {
                break;
            }
            foreach (var architecture in proposals)
            {
                Offer(architecture, created);
                if (_exhausted)
                {
                    break;
                }
            }
            DeliverReports();
        }
    }

    private void Offer(Architecture architecture, List<Trial> created)
    {
        if (++_proposals > _maxProposals)
        {
            _exhausted = true;
            return;
        }
        if (_settled.TryGetValue(architecture, out var known))
        {
            TrialsCached++;
            _reports.Add((architecture, known.Outcome?.Reward));
            return;
        }
        if (_waiting.TryGetValue(architecture, out var waiting))
        {
            TrialsCached++;
            _waiting[architecture] = waiting with { Count = waiting.Count + 1 };
            return;
        }
        if (TrialsCreated >= _maxTrials)
        {
            _exhausted = true;
            return;
        }
        var trial = new Trial(++TrialsCreated, architecture, _strategy is ITrialPriority ranked ? ranked.Priority(architecture) : 0);
        if (_recovered.Remove(architecture, out var recovered))
        {
            Record(recovered with { Number = trial.Number });
            _reports.Add((architecture, recovered.Outcome?.Reward));
            return;
        }
        if (_reusable.TryGetValue(architecture, out var reusable))
        {
            Record(new SettledTrial(trial.Number, architecture, Problem.CostModel.Cost(architecture), reusable.Outcome, null, reusable.Attempts), reused: true);
            _reports.Add((architecture, reusable.Outcome.Reward));
            return;
        }
        _pending[trial.Number] = trial;
        _waiting[architecture] = new Waiting(trial.Number, 1);
        created.Add(trial);
    }

    private bool Settle(long number, TrialOutcome? outcome, string? reason, int attempts, bool reused = false)
    {
        if (!_pending.Remove(number, out var trial))
        {
            return false;
        }
        var cost = Problem.CostModel.Cost(trial.Architecture);
        Record(new SettledTrial(number, trial.Architecture, cost, outcome, reason, attempts), reused);
        _waiting.Remove(trial.Architecture, out var waiting);
        for (var i = 0; i < waiting.Count; i++)
        {
            _strategy.Report(trial.Architecture, outcome?.Reward);
        }
        return true;
    }

    private void Record(SettledTrial trial, bool reused = false)
    {
        _settled[trial.Architecture] = trial;
        if (reused)
        {
            TrialsReused++;
            TrialsCached++;
            _reused.Add(trial);
        }
        else if (trial.Succeeded)
        {
            TrialsTrained++;
        }
        else
        {
            TrialsFailed++;
        }
    }

    private void DeliverReports()
    {
        // Reports are delivered after Propose returns, so a strategy never sees a report inside its own Propose call.
        foreach (var (architecture, reward) in _reports)
        {
            _strategy.Report(architecture, reward);
        }
        _reports.Clear();
    }

    /// <summary>The pending trial of an architecture and how many proposals wait for its result.</summary>
    private readonly record struct Waiting(long Number, int Count);
}
