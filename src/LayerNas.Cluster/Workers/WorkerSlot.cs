using Akka.Actor;
using Akka.Event;
using LayerNas.Cluster.Metrics;
using LayerNas.Core;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// Trains one trial at a time: asks the dispatcher for a batch of trials, trains them in order with its own trainer,
/// and reports their results. Every request and report is re-sent until answered, because the way to the dispatcher
/// (a singleton proxy) may drop messages while the singleton moves.
/// </summary>
/// <remarks>
/// A slot asks for as many trials as it trains in <see cref="WorkerPoolSettings.LeaseBatchTime"/>, so instant trials
/// cost a few messages per batch while slow ones still go one at a time. Results go out together when the batch is
/// trained (or a batch's worth has piled up), and the next request leaves with them, without waiting for the
/// acknowledgement, so a slow journal never idles the workers. A trainer failure of any kind, a timeout or a
/// cancellation becomes a failed result with a readable reason; the dispatcher decides whether the trial is tried again.
/// </remarks>
public sealed class WorkerSlot : ReceiveActor, IWithTimers
{
    private readonly IActorRef _dispatcher;
    private readonly TrainerCache _trainers;
    private readonly LeaseBatchSizer _batchSizer;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Queue<TrialLease> _queue = [];
    // Specs fetched for queued leases whose search has no trainer here yet; a built trainer keeps its own.
    private readonly Dictionary<string, SearchSpec> _fetched = [];
    private readonly SlotOutbox _outbox;
    private readonly UndeliveredResults _undelivered;
    private readonly string _incarnation = Guid.NewGuid().ToString("N")[..8];
    private readonly string _name;
    private readonly LayerNasMetrics _metrics;
    private long _requests;
    private int _batch = 1;
    private string? _requestId;
    private string? _awaitedSpec;
    private TrainingAttempt? _training;
    private IActorRef? _stopWaiter;
    private bool _stopping;

    /// <summary>Creates a slot; see <see cref="Props"/>.</summary>
    public WorkerSlot(IActorRef dispatcher, TrainerProvider provider, int index, WorkerPoolSettings settings, LayerNasMetrics metrics)
    {
        _dispatcher = dispatcher;
        _metrics = metrics;
        _trainers = new TrainerCache(provider, index, settings.TrainersPerSlot);
        _batchSizer = new LeaseBatchSizer(settings.LeaseBatchTime, settings.MaxLeaseBatch);
        _name = Self.Path.ToStringWithAddress(((ExtendedActorSystem)Context.System).Provider.DefaultAddress);
        _outbox = new SlotOutbox(_name);
        _undelivered = settings.Undelivered;

        Receive<TrialLeases>(OnLeases);
        Receive<Trained>(OnTrained);
        Receive<SearchSpecAnswer>(OnSpec);
        Receive<LeasesClosed>(m =>
        {
            _outbox.Closed(m.LeaseIds);
            ReplyWhenStopped();
        });
        Receive<Resend>(_ =>
        {
            foreach (var message in _outbox.Resend())
            {
                _dispatcher.Tell(message);
            }
            if (_requestId is not null)
            {
                _dispatcher.Tell(new WorkRequest { Worker = _name, RequestId = _requestId, MaxTrials = _batch });
            }
            if (_awaitedSpec is not null)
            {
                _dispatcher.Tell(new GetSearchSpec { SearchId = _awaitedSpec });
            }
        });
        Receive<WorkerPool.HandBackLeases>(_ =>
        {
            _stopping = true;
            _stopWaiter = Sender;
            _requestId = null;
            var leases = _queue.ToList();
            _queue.Clear();
            _awaitedSpec = null;
            if (_training is { } training)
            {
                _training = null;
                _metrics.AttemptEnded(trained: null);
                training.Cancel();
                leases.Insert(0, training.Lease);
            }
            HandBack(leases);
            SendResults();
            ReplyWhenStopped();
        });
        Timers.StartPeriodicTimer(nameof(Resend), Resend.Instance, settings.RetryInterval);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the slot of <paramref name="index"/> (0 to slots − 1 on its node) that pulls work from <paramref name="dispatcher"/> (the search manager or its proxy) and reports its attempts to <paramref name="metrics"/>.</summary>
    public static Props Props(IActorRef dispatcher, TrainerProvider provider, int index, WorkerPoolSettings settings, LayerNasMetrics metrics) =>
        Akka.Actor.Props.Create(() => new WorkerSlot(dispatcher, provider, index, settings, metrics));

    /// <inheritdoc />
    protected override void PreStart() => RequestWork();

    /// <inheritdoc />
    protected override void PostStop()
    {
        // What is trained and not yet answered outlives the slot: the node's next start delivers it (see UndeliveredResults).
        _undelivered.Keep(_outbox.Unanswered);
        if (_training?.Succeeded(_name) is { } succeeded)
        {
            _undelivered.Keep([succeeded]);
        }
        _training?.Cancel();
        TrialAttempts.Dispose(_trainers.Clear(), _log);
    }

    private void OnLeases(TrialLeases batch)
    {
        if (_requestId is not null && batch.RequestId == _requestId && !_stopping)
        {
            _requestId = null;
            foreach (var lease in batch.Leases)
            {
                _queue.Enqueue(lease);
            }
            TrainNext();
            return;
        }
        // A batch this slot did not ask for (a late answer to an older request, a repeat): give back what it does not hold.
        var held = _queue.Select(q => q.LeaseId).Append(_training?.Lease.LeaseId).ToHashSet();
        HandBack([.. batch.Leases.Where(l => !held.Contains(l.LeaseId) && !_outbox.Holds(l.LeaseId))]);
    }

    private void OnSpec(SearchSpecAnswer answer)
    {
        if (answer.SearchId != _awaitedSpec)
        {
            return;
        }
        _awaitedSpec = null;
        if (answer.Spec is { } spec)
        {
            _fetched[answer.SearchId] = spec;
        }
        else
        {
            // The search is no longer dispatched: its leases here are stale.
            var stale = _queue.Where(l => l.SearchId == answer.SearchId).ToList();
            var kept = _queue.Where(l => l.SearchId != answer.SearchId).ToList();
            _queue.Clear();
            kept.ForEach(_queue.Enqueue);
            HandBack(stale);
            if (_queue.Count == 0)
            {
                RequestWork();
            }
        }
        TrainNext();
    }

    private void TrainNext()
    {
        if (_training is not null || _awaitedSpec is not null || !_queue.TryPeek(out var lease))
        {
            return;
        }
        var cached = _trainers.Find(lease.SearchId);
        if (cached is null && !_fetched.ContainsKey(lease.SearchId))
        {
            _awaitedSpec = lease.SearchId;
            _dispatcher.Tell(new GetSearchSpec { SearchId = lease.SearchId });
            return;
        }
        _queue.Dequeue();
        var training = new TrainingAttempt(lease);
        _training = training;
        _metrics.AttemptStarted();
        TrainingJob job;
        try
        {
            if (cached is null)
            {
                var spec = _fetched[lease.SearchId];
                _fetched.Remove(lease.SearchId);
                (cached, var dropped) = _trainers.Build(lease.SearchId, spec);
                TrialAttempts.Dispose(dropped, _log);
            }
            job = new TrainingJob(lease.SearchId, lease.TrialNumber, lease.Architecture.ToArchitecture(), TrialAttempts.OptionNames(cached.Spec, lease), lease.Attempt);
        }
        catch (Exception e)
        {
            training.Fail(e, Self);
            return;
        }
        training.Run(cached.Trainer, job, Self);
    }

    private void OnTrained(Trained trained)
    {
        if (_training is not { } training || training.Lease.LeaseId != trained.LeaseId)
        {
            return;
        }
        _training = null;
        var lease = training.Lease;
        _batchSizer.Observe(training.Elapsed);
        var result = training.Result(trained.Task, _name);
        _metrics.AttemptEnded(result.ResultCase == TrialResult.ResultOneofCase.Outcome);
        if (result.ResultCase == TrialResult.ResultOneofCase.FailureReason)
        {
            _log.Warning("Trial {0}#{1} attempt {2} failed: {3}", lease.SearchId, lease.TrialNumber, lease.Attempt, result.FailureReason);
            if (training.TimedOut && _trainers.Remove(lease.SearchId) is { } stuck)
            {
                // A trainer that overran its time may still be busy: start the next trial with a fresh one.
                TrialAttempts.Dispose([stuck], _log);
            }
        }
        training.Dispose();
        _outbox.Add(result);
        if (_queue.Count == 0 || _outbox.Unsent >= _batch)
        {
            SendResults();
        }
        if (_queue.Count == 0)
        {
            RequestWork();
        }
        TrainNext();
    }

    private void RequestWork()
    {
        if (_stopping)
        {
            ReplyWhenStopped();
            return;
        }
        _batch = _batchSizer.Next;
        _requestId = $"{_incarnation}-{++_requests}";
        _dispatcher.Tell(new WorkRequest { Worker = _name, RequestId = _requestId, MaxTrials = _batch });
    }

    private void SendResults()
    {
        if (_outbox.TakeUnsent() is { } results)
        {
            _dispatcher.Tell(results);
        }
    }

    private void HandBack(IReadOnlyList<TrialLease> leases)
    {
        if (_outbox.HandBack(leases) is { } handBack)
        {
            _dispatcher.Tell(handBack);
        }
    }

    private void ReplyWhenStopped()
    {
        if (_stopWaiter is not null && _training is null && _outbox.IsSettled)
        {
            _stopWaiter.Tell(WorkerPool.LeasesHandedBack.Instance);
            _stopWaiter = null;
        }
    }

    private sealed class Resend : INoSerializationVerificationNeeded
    {
        public static readonly Resend Instance = new();
    }
}
