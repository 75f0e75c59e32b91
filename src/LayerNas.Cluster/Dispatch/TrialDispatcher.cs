using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using LayerNas.Cluster.Metrics;
using LayerNas.Core.Ledger;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Dispatch;

/// <summary>
/// Hands ready trials of every search to worker slots that ask for work, in batches of leases, and forwards each
/// trial's final result to its search's coordinator. A thin shell around <see cref="TrialBoard{TWorker}"/>.
/// </summary>
/// <remarks>
/// Leases end four ways: a result (acknowledged here for retried failures and duplicates, by the coordinator once
/// it has persisted a final one), a hand-back, expiry (timeout plus grace), or the worker's termination, which a
/// cluster reports once the worker's node is downed. Results arrive in batches and leave in batches: one message per
/// search to the coordinators and one acknowledgement back, never one message per trial. The dispatcher follows
/// which nodes are reachable, so no trial is leased to a node that cannot be reached; results for a search not yet
/// opened (its coordinator recovering after a restart) wait until it opens.
/// </remarks>
public sealed class TrialDispatcher : ReceiveActor, IWithTimers
{
    // A slot's batch may hold many leases; the board shows the few it trains next.
    private const int ShownLeases = 3;

    private readonly TrialBoard<IActorRef> _board;
    private readonly EarlyResults<IActorRef> _early = new();
    private readonly Dictionary<string, IActorRef> _coordinators = [];
    private readonly HashSet<IActorRef> _watched = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly UtilizationHistory _utilization;
    private readonly LayerNasMetrics _metrics;
    private readonly long _sinceUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Creates the dispatcher; see <see cref="Props"/>.</summary>
    public TrialDispatcher(TrialDispatcherSettings settings, LayerNasMetrics metrics)
    {
        _board = new TrialBoard<IActorRef>(settings.LeaseGrace, NodeOf);
        _utilization = new UtilizationHistory(settings.UtilizationInterval, settings.UtilizationSamples);
        _metrics = metrics;
        Receive<OpenSearch>(m =>
        {
            _coordinators[m.SearchId] = Sender;
            _board.Open(m.SearchId, m.Spec);
        });
        Receive<DispatchTrials>(m =>
        {
            // Results that came early settle their trials before anyone waiting is leased one of them.
            _board.Queue(m.SearchId, m.Trials);
            foreach (var (sender, results) in _early.Release(m.SearchId))
            {
                OnResults(results, sender);
            }
            Send(_board.Serve(DateTime.UtcNow));
        });
        Receive<GetSearchSpec>(m => Sender.Tell(new SearchSpecAnswer { SearchId = m.SearchId, Spec = _board.SpecOf(m.SearchId) }));
        Receive<WithdrawSearch>(m =>
        {
            _board.Withdraw(m.SearchId);
            _coordinators.Remove(m.SearchId);
            foreach (var (sender, results) in _early.Release(m.SearchId))
            {
                sender.Tell(new LeasesClosed { LeaseIds = { results.Select(r => r.LeaseId) } });
            }
        });
        Receive<WorkRequest>(m =>
        {
            Watch(Sender);
            Send(_board.Request(Sender, m.Worker, m.RequestId, m.MaxTrials, DateTime.UtcNow));
        });
        Receive<TrialResults>(m => OnResults(m.Results, Sender));
        Receive<ClusterEvent.UnreachableMember>(m =>
        {
            var node = m.Member.Address.ToString();
            _board.Unreachable(node);
            _log.Warning("{0} is unreachable: it gets no trials until it is reachable again, and the trials it holds wait for it or for it to be downed", node);
        });
        Receive<ClusterEvent.ReachableMember>(m => Send(_board.Reachable(m.Member.Address.ToString(), DateTime.UtcNow)));
        Receive<ClusterEvent.MemberUp>(m => Send(_board.Reachable(m.Member.Address.ToString(), DateTime.UtcNow)));
        Receive<HandBack>(m =>
        {
            var now = DateTime.UtcNow;
            var outstanding = m.LeaseIds.Count(_board.IsOut);
            if (outstanding > 0)
            {
                _log.Info("{0} handed back {1} trial(s); they are queued again at once", m.Worker, outstanding);
            }
            var grants = m.LeaseIds.SelectMany(id => _board.HandBack(id, now)).ToList();
            Sender.Tell(new LeasesClosed { LeaseIds = { m.LeaseIds } });
            Send(grants);
        });
        Receive<SweepLeases>(_ =>
        {
            var now = DateTime.UtcNow;
            var (failures, grants) = _board.Expire(now);
            Settle(failures);
            Send(grants);
            Observe(now);
        });
        Receive<GetWorkers>(_ => Sender.Tell(Workers()));
        Receive<Terminated>(t =>
        {
            _watched.Remove(t.ActorRef);
            if (_board.LeasesHeldBy(t.ActorRef) is var held and > 0)
            {
                _log.Warning("{0} is gone while holding {1} trial(s); they are queued again as failed attempts", t.ActorRef.Path, held);
            }
            var (failures, grants) = _board.Lost(t.ActorRef, DateTime.UtcNow);
            Settle(failures);
            Send(grants);
        });
        Timers.StartPeriodicTimer(nameof(SweepLeases), SweepLeases.Instance, settings.SweepInterval);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a dispatcher that reports its queue and slots to <paramref name="metrics"/>.</summary>
    public static Props Props(TrialDispatcherSettings settings, LayerNasMetrics metrics) => Akka.Actor.Props.Create(() => new TrialDispatcher(settings, metrics));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (Context.System is ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
                typeof(ClusterEvent.IReachabilityEvent), typeof(ClusterEvent.MemberUp));
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (Context.System is ExtendedActorSystem { Provider: IClusterActorRefProvider })
        {
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }
    }

    /// <summary>The node a worker slot runs on, as cluster events name it (a local slot's is this node's local address, which is never unreachable).</summary>
    private static string NodeOf(IActorRef worker) => worker.Path.Address.ToString();

    private void OnResults(IEnumerable<TrialResult> results, IActorRef sender)
    {
        var now = DateTime.UtcNow;
        var closed = new LeasesClosed();
        var finals = new Dictionary<IActorRef, TrialResults>();
        var grants = new List<TrialBoard<IActorRef>.Grant>();
        foreach (var result in results)
        {
            if (_board.SpecOf(result.SearchId) is null && !_board.IsWithdrawn(result.SearchId))
            {
                _early.Hold(sender, result);
                continue;
            }
            var verdict = _board.Report(result, now);
            switch (verdict.Kind)
            {
                case ReportKind.Final when _coordinators.TryGetValue(result.SearchId, out var coordinator):
                    (finals.TryGetValue(coordinator, out var batch) ? batch : finals[coordinator] = new TrialResults()).Results.Add(verdict.Final!);
                    break;
                case ReportKind.Retried:
                    _log.Info("Trial {0}#{1} attempt {2} failed on {3}: {4}", result.SearchId, result.TrialNumber, result.Attempt, result.Worker, result.FailureReason);
                    closed.LeaseIds.Add(result.LeaseId);
                    grants.AddRange(verdict.Grants);
                    break;
                default:
                    closed.LeaseIds.Add(result.LeaseId);
                    break;
            }
        }
        foreach (var (coordinator, batch) in finals)
        {
            // The coordinator acknowledges the worker once the result is persisted.
            coordinator.Tell(batch, sender);
        }
        if (closed.LeaseIds.Count > 0)
        {
            sender.Tell(closed);
        }
        Send(grants);
    }

    private void Settle(IReadOnlyList<TrialResult> failures)
    {
        foreach (var failure in failures)
        {
            _log.Warning("Trial {0}#{1} failed for good: {2}", failure.SearchId, failure.TrialNumber, failure.FailureReason);
        }
        foreach (var search in failures.GroupBy(f => f.SearchId))
        {
            if (_coordinators.TryGetValue(search.Key, out var coordinator))
            {
                coordinator.Tell(new TrialResults { Results = { search } }, ActorRefs.NoSender);
            }
        }
    }

    private static void Send(IReadOnlyList<TrialBoard<IActorRef>.Grant> grants)
    {
        foreach (var grant in grants)
        {
            grant.Worker.Tell(grant.Leases);
        }
    }

    private void Watch(IActorRef worker)
    {
        if (_watched.Add(worker))
        {
            Context.Watch(worker);
        }
    }

    /// <summary>Samples utilization and publishes the gauges; the sweep's period bounds how stale they get.</summary>
    private void Observe(DateTime now)
    {
        var (slots, busy) = (_board.WorkerCount, _board.BusyCount);
        _utilization.Observe(now, slots, busy);
        var nodes = _board.Workers().Select(w => WorkerNodes.NodeOf(w.Name)).Distinct().Count();
        _metrics.Dispatch(_board.ReadyCount, _board.LeaseCount, nodes, slots, busy);
    }

    private WorkerBoard Workers()
    {
        var board = new WorkerBoard { ReadyTrials = _board.ReadyCount, LeasedTrials = _board.LeaseCount, SinceUnixMs = _sinceUnixMs, Utilization = { _utilization.Samples } };
        foreach (var worker in _board.Workers())
        {
            var slot = new WorkerSlotState
            {
                Worker = worker.Name,
                Node = WorkerNodes.NodeOf(worker.Name),
                TrialsTrained = worker.Trained,
                AttemptsFailed = worker.FailedAttempts,
                Waiting = worker.Waiting,
                LeaseCount = worker.Leases.Count,
            };
            slot.Leases.AddRange(worker.Leases.Take(ShownLeases).Select(l => new SlotLease
            {
                SearchId = l.Lease.SearchId,
                TrialNumber = l.Lease.TrialNumber,
                Architecture = { OptionNames(l.Lease) },
                Attempt = l.Lease.Attempt,
                GrantedUnixMs = (long)(l.Granted - DateTime.UnixEpoch).TotalMilliseconds,
            }));
            board.Slots.Add(slot);
        }
        return board;
    }

    /// <summary>A lease's options by name, from its search's spec (indices when the spec does not cover them).</summary>
    private IEnumerable<string> OptionNames(TrialLease lease)
    {
        var layers = _board.SpecOf(lease.SearchId)?.Layers;
        return lease.Architecture.Select((option, layer) => layers is not null && layer < layers.Count && option < layers[layer].Options.Count
            ? layers[layer].Options[option].Name
            : option.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class SweepLeases : INoSerializationVerificationNeeded
    {
        public static readonly SweepLeases Instance = new();
    }
}
