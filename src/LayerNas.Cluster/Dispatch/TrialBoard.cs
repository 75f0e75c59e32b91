using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Dispatch;

/// <summary>
/// The trial dispatcher's bookkeeping as a plain state machine: ready trials per search, the workers waiting for
/// work, and the leases out. Time is passed in, so every rule (expiry, retries, fairness) is testable without actors.
/// </summary>
/// <remarks>
/// Searches are served round-robin, so a big search never starves a small one; within a search the ready trial of
/// lowest priority goes first (the strategy's ranking, docs/scheduling.md), then the lowest number. A worker asking for
/// a batch gets its trials one by one from that rotation, up to <see cref="MaxBatchBytes"/> of leases. A trial
/// is active from the moment it is queued until its final result: a success from any of its leases, or the failure
/// that uses up its retries. Results of inactive trials are duplicates. A lease that expires, or whose worker is
/// lost, counts as a failed attempt; a lease handed back does not.
/// <para>
/// A crash costs a trial one attempt: no trial is leased to a worker whose node is unreachable (its other slots would
/// die with it), and however many of a node's slots lose the same trial, the node's loss counts once.
/// </para>
/// </remarks>
/// <typeparam name="TWorker">How a worker slot is addressed (an actor reference in the dispatcher).</typeparam>
/// <param name="leaseGrace">Time past a trial's timeout before a silent lease expires.</param>
/// <param name="nodeOf">The node a worker slot runs on (its cluster address), as reachability reports name it.</param>
public sealed class TrialBoard<TWorker>(TimeSpan leaseGrace, Func<TWorker, string> nodeOf) where TWorker : notnull
{
    private readonly Dictionary<string, SearchQueue> _searches = [];
    private readonly List<string> _rotation = [];
    private readonly Dictionary<TrialKey, ActiveTrial> _active = [];
    private readonly Dictionary<string, Lease> _leases = [];
    private readonly Dictionary<(TWorker Worker, string RequestId), List<string>> _leasesByRequest = [];
    private readonly Dictionary<TWorker, WorkerRecord> _workers = [];
    private readonly LinkedList<WaitingWorker> _waiting = [];
    private readonly Dictionary<TWorker, LinkedListNode<WaitingWorker>> _waitingByWorker = [];
    private readonly HashSet<string> _unreachable = [];
    private readonly HashSet<string> _withdrawn = [];
    private readonly string _leasePrefix = Guid.NewGuid().ToString("N")[..8];
    private long _leaseCounter;
    private int _nextSearch;

    /// <summary>
    /// The most bytes of leases one batch holds (at least one lease): a lease carries an option index per layer, so
    /// batches of a search with many thousand layers shrink to stay far inside a message between nodes.
    /// </summary>
    public const int MaxBatchBytes = 1024 * 1024;

    /// <summary>A batch of leases granted to a worker in answer to one request.</summary>
    public sealed record Grant(TWorker Worker, TrialLeases Leases);

    /// <summary>What a reported result did: <paramref name="Final"/> is the trial's final result when it has one; <paramref name="Grants"/> are leases a queued retry made possible.</summary>
    public sealed record Verdict(ReportKind Kind, TrialResult? Final, IReadOnlyList<Grant> Grants);

    /// <summary>Trials queued and not yet leased.</summary>
    public int ReadyCount => _searches.Values.Sum(s => s.Ready.Count);

    /// <summary>Leases out.</summary>
    public int LeaseCount => _leases.Count;

    /// <summary>Workers waiting for a trial.</summary>
    public int WaitingCount => _waiting.Count;

    /// <summary>Workers known: every one that asked for work and is not lost.</summary>
    public int WorkerCount => _workers.Count;

    /// <summary>Workers holding a lease.</summary>
    public int BusyCount => _workers.Values.Count(w => w.Leases.Count > 0);

    /// <summary>A worker as the board sees it: its name, whether it waits, the leases it holds (in the order it trains them), and what it did.</summary>
    public sealed record WorkerView(TWorker Worker, string Name, bool Waiting, IReadOnlyList<(TrialLease Lease, DateTime Granted)> Leases, long Trained, long FailedAttempts);

    /// <summary>Opens a search for dispatch with its spec, whose trainer section sets its leases' limits; opening it again replaces both.</summary>
    public void Open(string searchId, SearchSpec spec)
    {
        if (_searches.TryGetValue(searchId, out var search))
        {
            search.Spec = spec;
            return;
        }
        _withdrawn.Remove(searchId);
        _searches[searchId] = new SearchQueue(searchId, spec);
        _rotation.Add(searchId);
    }

    /// <summary>The spec of an open search; null once it is withdrawn (or was never opened).</summary>
    public SearchSpec? SpecOf(string searchId) => _searches.GetValueOrDefault(searchId)?.Spec;

    /// <summary>Queues an open search's trials, skipping those already active; returns the leases this makes possible. Trials of a search that is not open are dropped.</summary>
    public IReadOnlyList<Grant> Add(string searchId, IEnumerable<ReadyTrial> trials, DateTime now)
    {
        Queue(searchId, trials);
        return Serve(now);
    }

    /// <summary>Queues an open search's trials, as <see cref="Add"/> does, without leasing them yet (see <see cref="Serve"/>).</summary>
    public void Queue(string searchId, IEnumerable<ReadyTrial> trials)
    {
        if (!_searches.TryGetValue(searchId, out var search))
        {
            return;
        }
        foreach (var trial in trials)
        {
            var key = new TrialKey(searchId, trial.TrialNumber);
            if (_active.TryAdd(key, new ActiveTrial(key, trial, search)))
            {
                search.Ready.Add(ReadyKey.Of(trial));
            }
        }
    }

    /// <summary>Whether a search was withdrawn (and not opened again) since this board began: its results are duplicates, whereas those of a search never opened may come early.</summary>
    public bool IsWithdrawn(string searchId) => _withdrawn.Contains(searchId);

    /// <summary>Forgets a search: its queued trials, its leases, and its place in the rotation.</summary>
    public void Withdraw(string searchId)
    {
        _withdrawn.Add(searchId);
        if (!_searches.Remove(searchId))
        {
            return;
        }
        var index = _rotation.IndexOf(searchId);
        _rotation.RemoveAt(index);
        if (_nextSearch > index)
        {
            _nextSearch--;
        }
        foreach (var key in _active.Keys.Where(k => k.SearchId == searchId).ToList())
        {
            Deactivate(_active[key]);
        }
    }

    /// <summary>
    /// A worker asks for up to <paramref name="maxTrials"/> trials. A repeated request gets its batch again (those of
    /// its leases still out); a new one waits in line. Returns the batches to send: the repeated one, or whatever the
    /// line can now be given.
    /// </summary>
    public IReadOnlyList<Grant> Request(TWorker worker, string workerName, string requestId, int maxTrials, DateTime now)
    {
        if (_leasesByRequest.TryGetValue((worker, requestId), out var leaseIds))
        {
            return [new Grant(worker, Batch(requestId, leaseIds.Select(id => _leases[id])))];
        }
        if (_waitingByWorker.TryGetValue(worker, out var node))
        {
            if (node.Value.RequestId == requestId)
            {
                // A repeat keeps its place in line.
                return [];
            }
            _waiting.Remove(node);
        }
        _workers.TryAdd(worker, new WorkerRecord(workerName));
        _waitingByWorker[worker] = _waiting.AddLast(new WaitingWorker(worker, nodeOf(worker), workerName, requestId, Math.Max(1, maxTrials)));
        return Serve(now);
    }

    /// <summary>Records an attempt's result: a success or a last failure is final; an earlier failure queues a retry; a result for an inactive trial, or a failure from a superseded lease, is a duplicate.</summary>
    public Verdict Report(TrialResult result, DateTime now)
    {
        if (!_active.TryGetValue(new TrialKey(result.SearchId, result.TrialNumber), out var trial))
        {
            return new Verdict(ReportKind.Duplicate, null, []);
        }
        if (result.ResultCase == TrialResult.ResultOneofCase.Outcome)
        {
            if (_leases.TryGetValue(result.LeaseId, out var lease))
            {
                _workers[lease.Worker].Trained++;
            }
            // A success settles the trial whichever lease produced it, even one that expired meanwhile.
            Deactivate(trial);
            return new Verdict(ReportKind.Final, result, []);
        }
        if (trial.Lease?.Id != result.LeaseId)
        {
            return new Verdict(ReportKind.Duplicate, null, []);
        }
        var final = FailAttempt(trial, result.FailureReason);
        return final is null
            ? new Verdict(ReportKind.Retried, null, Serve(now))
            : new Verdict(ReportKind.Final, final, []);
    }

    /// <summary>A worker gives a lease back untrained: the trial is queued again and the attempt does not count. Returns the leases this makes possible.</summary>
    public IReadOnlyList<Grant> HandBack(string leaseId, DateTime now)
    {
        if (!_leases.TryGetValue(leaseId, out var lease))
        {
            return [];
        }
        Requeue(_active[lease.Key]);
        return Serve(now);
    }

    /// <summary>Fails every lease whose deadline has passed; returns the final failures and the leases the retries make possible.</summary>
    public (IReadOnlyList<TrialResult> Failures, IReadOnlyList<Grant> Grants) Expire(DateTime now)
    {
        var failures = new List<TrialResult>();
        foreach (var lease in _leases.Values.Where(l => l.Deadline <= now).ToList())
        {
            var reason = $"no result from {lease.WorkerName} within {(lease.Deadline - lease.Granted).TotalSeconds:0.###} s (attempt {lease.Message.Attempt})";
            if (FailAttempt(_active[lease.Key], reason) is { } final)
            {
                failures.Add(final);
            }
        }
        return (failures, Serve(now));
    }

    /// <summary>
    /// A worker is gone: it stops waiting and each of its leases fails, as one attempt per trial and node: a trial its
    /// node had already lost (on another of its slots) is queued again without counting. Returns the final failures
    /// and the leases the retries make possible.
    /// </summary>
    public (IReadOnlyList<TrialResult> Failures, IReadOnlyList<Grant> Grants) Lost(TWorker worker, DateTime now)
    {
        if (_waitingByWorker.Remove(worker, out var waiting))
        {
            _waiting.Remove(waiting);
        }
        var node = nodeOf(worker);
        var failures = new List<TrialResult>();
        foreach (var lease in _workers.GetValueOrDefault(worker)?.Leases.ToList() ?? [])
        {
            var trial = _active[lease.Key];
            if (!trial.LostOn.Add(node))
            {
                Requeue(trial);
            }
            else if (FailAttempt(trial, $"{lease.WorkerName} was lost during attempt {lease.Message.Attempt}") is { } final)
            {
                failures.Add(final);
            }
        }
        _workers.Remove(worker);
        return (failures, Serve(now));
    }

    /// <summary>A node is unreachable: its workers get no trials until it is reachable again. Its leases stay out: it may come back with their results, or be downed, and then its workers are lost.</summary>
    public void Unreachable(string node) => _unreachable.Add(node);

    /// <summary>A node is reachable again (or joined anew): its waiting workers are served. Returns the leases this makes possible.</summary>
    public IReadOnlyList<Grant> Reachable(string node, DateTime now) => _unreachable.Remove(node) ? Serve(now) : [];

    /// <summary>Whether a lease is out (granted and not yet ended).</summary>
    public bool IsOut(string leaseId) => _leases.ContainsKey(leaseId);

    /// <summary>How many leases a worker holds.</summary>
    public int LeasesHeldBy(TWorker worker) => _workers.GetValueOrDefault(worker)?.Leases.Count ?? 0;

    /// <summary>Whether a worker holds a lease or waits for one.</summary>
    public bool Knows(TWorker worker) => _waitingByWorker.ContainsKey(worker) || LeasesHeldBy(worker) > 0;

    /// <summary>Every known worker, by name.</summary>
    public IReadOnlyList<WorkerView> Workers() =>
    [
        .. _workers.OrderBy(w => w.Value.Name, StringComparer.Ordinal).Select(w => new WorkerView(
            w.Key,
            w.Value.Name,
            _waitingByWorker.ContainsKey(w.Key),
            [.. w.Value.Leases.Select(l => (l.Message, l.Granted))],
            w.Value.Trained,
            w.Value.FailedAttempts)),
    ];

    /// <summary>Leases ready trials to the waiting workers of reachable nodes, in line order; returns the batches to send.</summary>
    public IReadOnlyList<Grant> Serve(DateTime now)
    {
        var grants = new List<Grant>();
        while (FirstServable() is { } first && NextReady() is { } trial)
        {
            var waiting = first.Value;
            _waiting.Remove(first);
            _waitingByWorker.Remove(waiting.Worker);
            var leases = new List<Lease> { NewLease(trial, waiting, 0, now) };
            var bytes = leases[0].Message.CalculateSize();
            while (leases.Count < waiting.MaxTrials && bytes < MaxBatchBytes && NextReady() is { } next)
            {
                leases.Add(NewLease(next, waiting, leases.Count, now));
                bytes += leases[^1].Message.CalculateSize();
            }
            _leasesByRequest[(waiting.Worker, waiting.RequestId)] = [.. leases.Select(l => l.Id)];
            grants.Add(new Grant(waiting.Worker, Batch(waiting.RequestId, leases)));
        }
        return grants;
    }

    /// <summary>The first worker in line whose node is reachable.</summary>
    private LinkedListNode<WaitingWorker>? FirstServable()
    {
        var node = _waiting.First;
        while (node is not null && _unreachable.Contains(node.Value.Node))
        {
            node = node.Next;
        }
        return node;
    }

    private static TrialLeases Batch(string requestId, IEnumerable<Lease> leases) =>
        new() { RequestId = requestId, Leases = { leases.Select(l => l.Message) } };

    private ActiveTrial? NextReady()
    {
        for (var i = 0; i < _rotation.Count; i++)
        {
            var index = (_nextSearch + i) % _rotation.Count;
            var search = _searches[_rotation[index]];
            if (search.Ready.Count > 0)
            {
                _nextSearch = (index + 1) % _rotation.Count;
                var first = search.Ready.Min;
                search.Ready.Remove(first);
                return _active[new TrialKey(search.Id, first.Number)];
            }
        }
        return null;
    }

    /// <remarks>
    /// The worker trains a batch in order, so the lease at <paramref name="position"/> may wait for every lease before
    /// it to use its whole timeout: its deadline allows for that, and a silent worker's batch still expires.
    /// </remarks>
    private Lease NewLease(ActiveTrial trial, WaitingWorker worker, int position, DateTime now)
    {
        var limits = trial.Search.Limits;
        var message = new TrialLease
        {
            LeaseId = $"{_leasePrefix}-{++_leaseCounter}",
            SearchId = trial.Key.SearchId,
            TrialNumber = trial.Key.TrialNumber,
            Architecture = { trial.Trial.Architecture },
            Attempt = trial.FailedAttempts + 1,
            TimeoutSeconds = limits.Timeout.TotalSeconds,
        };
        var deadline = now + limits.Timeout * (position + 1) + leaseGrace;
        var lease = new Lease(message.LeaseId, trial.Key, worker.Worker, worker.Name, worker.RequestId, now, deadline, message);
        trial.Lease = lease;
        _leases[lease.Id] = lease;
        _workers[worker.Worker].Leases.Add(lease);
        return lease;
    }

    private TrialResult? FailAttempt(ActiveTrial trial, string reason)
    {
        var lease = trial.Lease;
        if (lease is not null && _workers.TryGetValue(lease.Worker, out var worker))
        {
            worker.FailedAttempts++;
        }
        Release(trial);
        trial.FailedAttempts++;
        if (trial.FailedAttempts <= trial.Search.Limits.MaxRetries)
        {
            trial.Search.Ready.Add(ReadyKey.Of(trial.Trial));
            return null;
        }
        Deactivate(trial);
        return new TrialResult
        {
            LeaseId = lease?.Id ?? "",
            SearchId = trial.Key.SearchId,
            TrialNumber = trial.Key.TrialNumber,
            Attempt = trial.FailedAttempts,
            Worker = lease?.WorkerName ?? "",
            FailureReason = reason,
        };
    }

    /// <summary>Queues a leased trial again without counting an attempt.</summary>
    private void Requeue(ActiveTrial trial)
    {
        Release(trial);
        trial.Search.Ready.Add(ReadyKey.Of(trial.Trial));
    }

    private void Release(ActiveTrial trial)
    {
        if (trial.Lease is { } lease)
        {
            _leases.Remove(lease.Id);
            _workers.GetValueOrDefault(lease.Worker)?.Leases.Remove(lease);
            var request = (lease.Worker, lease.RequestId);
            if (_leasesByRequest.TryGetValue(request, out var siblings) && siblings.Remove(lease.Id) && siblings.Count == 0)
            {
                _leasesByRequest.Remove(request);
            }
            trial.Lease = null;
        }
    }

    private void Deactivate(ActiveTrial trial)
    {
        Release(trial);
        trial.Search.Ready.Remove(ReadyKey.Of(trial.Trial));
        _active.Remove(trial.Key);
    }

    private sealed class SearchQueue(string id, SearchSpec spec)
    {
        public string Id { get; } = id;

        public SearchSpec Spec { get; set; } = spec;

        public TrialLimits Limits => TrialLimits.Of(Spec.Trainer);

        // A sorted set, not a sorted list: taking the first and adding cost log n, not a shift of every ready trial.
        public SortedSet<ReadyKey> Ready { get; } = [];
    }

    /// <summary>The order of a search's ready trials: priority, then number.</summary>
    private readonly record struct ReadyKey(double Priority, long Number) : IComparable<ReadyKey>
    {
        public static ReadyKey Of(ReadyTrial trial) => new(trial.Priority, trial.TrialNumber);

        public int CompareTo(ReadyKey other)
        {
            var byPriority = Priority.CompareTo(other.Priority);
            return byPriority != 0 ? byPriority : Number.CompareTo(other.Number);
        }
    }

    private sealed record Lease(string Id, TrialKey Key, TWorker Worker, string WorkerName, string RequestId, DateTime Granted, DateTime Deadline, TrialLease Message);

    private sealed record WaitingWorker(TWorker Worker, string Node, string Name, string RequestId, int MaxTrials);

    private sealed class WorkerRecord(string name)
    {
        public string Name { get; } = name;

        public List<Lease> Leases { get; } = [];

        public long Trained { get; set; }

        public long FailedAttempts { get; set; }
    }

    private sealed class ActiveTrial(TrialKey key, ReadyTrial trial, SearchQueue search)
    {
        public TrialKey Key { get; } = key;

        public ReadyTrial Trial { get; } = trial;

        public SearchQueue Search { get; } = search;

        public int FailedAttempts { get; set; }

        /// <summary>The nodes that lost the trial with a worker: each such loss counts once.</summary>
        public HashSet<string> LostOn { get; } = [];

        public Lease? Lease { get; set; }
    }
}
