using Akka.Actor;
using Akka.Event;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Dispatch;

/// <summary>
/// Hands ready trials of every search to worker slots that ask for work, under leases, and forwards each trial's
/// final result to its search's coordinator. A thin shell around <see cref="TrialBoard{TWorker}"/>.
/// </summary>
/// <remarks>
/// Leases end four ways: a result (acknowledged here for retried failures and duplicates, by the coordinator once
/// it has persisted a final one), a hand-back, expiry (timeout plus grace), or the worker's termination, which a
/// cluster reports once the worker's node is downed.
/// </remarks>
public sealed class TrialDispatcher : ReceiveActor, IWithTimers
{
    private readonly TrialBoard<IActorRef> _board;
    private readonly Dictionary<string, IActorRef> _coordinators = [];
    private readonly HashSet<IActorRef> _watched = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Creates the dispatcher; see <see cref="Props"/>.</summary>
    public TrialDispatcher(TrialDispatcherSettings settings)
    {
        _board = new TrialBoard<IActorRef>(settings.LeaseGrace);
        Receive<DispatchTrials>(m =>
        {
            _coordinators[m.SearchId] = Sender;
            Send(_board.Add(m.SearchId, m.Spec, m.Trials, DateTime.UtcNow));
        });
        Receive<WithdrawSearch>(m =>
        {
            _board.Withdraw(m.SearchId);
            _coordinators.Remove(m.SearchId);
        });
        Receive<WorkRequest>(m =>
        {
            Watch(Sender);
            Send(_board.Request(Sender, m.Worker, m.RequestId, DateTime.UtcNow));
        });
        Receive<TrialResult>(OnResult);
        Receive<HandBack>(m =>
        {
            var grants = _board.HandBack(m.LeaseId, DateTime.UtcNow);
            Sender.Tell(new LeaseClosed { LeaseId = m.LeaseId });
            Send(grants);
        });
        Receive<SweepLeases>(_ =>
        {
            var (failures, grants) = _board.Expire(DateTime.UtcNow);
            Settle(failures);
            Send(grants);
        });
        Receive<Terminated>(t =>
        {
            _watched.Remove(t.ActorRef);
            var (failures, grants) = _board.Lost(t.ActorRef, DateTime.UtcNow);
            Settle(failures);
            Send(grants);
        });
        Timers.StartPeriodicTimer(nameof(SweepLeases), SweepLeases.Instance, settings.SweepInterval);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a dispatcher.</summary>
    public static Props Props(TrialDispatcherSettings settings) => Akka.Actor.Props.Create(() => new TrialDispatcher(settings));

    private void OnResult(TrialResult result)
    {
        var verdict = _board.Report(result, DateTime.UtcNow);
        switch (verdict.Kind)
        {
            case ReportKind.Final when _coordinators.TryGetValue(result.SearchId, out var coordinator):
                // The coordinator acknowledges the worker once the result is persisted.
                coordinator.Forward(verdict.Final!);
                break;
            case ReportKind.Retried:
                _log.Info("Trial {0}#{1} attempt {2} failed on {3}: {4}", result.SearchId, result.TrialNumber, result.Attempt, result.Worker, result.FailureReason);
                Sender.Tell(new LeaseClosed { LeaseId = result.LeaseId });
                Send(verdict.Grants);
                break;
            default:
                Sender.Tell(new LeaseClosed { LeaseId = result.LeaseId });
                break;
        }
    }

    private void Settle(IReadOnlyList<TrialResult> failures)
    {
        foreach (var failure in failures)
        {
            _log.Warning("Trial {0}#{1} failed for good: {2}", failure.SearchId, failure.TrialNumber, failure.FailureReason);
            if (_coordinators.TryGetValue(failure.SearchId, out var coordinator))
            {
                coordinator.Tell(failure, ActorRefs.NoSender);
            }
        }
    }

    private void Send(IReadOnlyList<TrialBoard<IActorRef>.Grant> grants)
    {
        foreach (var grant in grants)
        {
            grant.Worker.Tell(grant.Lease);
        }
    }

    private void Watch(IActorRef worker)
    {
        if (_watched.Add(worker))
        {
            Context.Watch(worker);
        }
    }

    private sealed class SweepLeases : INoSerializationVerificationNeeded
    {
        public static readonly SweepLeases Instance = new();
    }
}
