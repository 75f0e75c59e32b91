using Akka.Actor;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// Delivers the results an earlier start of this node trained and could not deliver (<see cref="UndeliveredResults"/>):
/// re-sends them until the dispatcher closes their leases, then stops. What is still unanswered when it stops is kept
/// for the node's next start.
/// </summary>
internal sealed class ResultRedelivery : ReceiveActor, IWithTimers
{
    private readonly SlotOutbox _outbox;
    private readonly UndeliveredResults _undelivered;

    /// <summary>Creates the actor; see <see cref="Start"/>.</summary>
    public ResultRedelivery(IActorRef dispatcher, IReadOnlyList<TrialResult> results, WorkerPoolSettings settings)
    {
        _undelivered = settings.Undelivered;
        _outbox = new SlotOutbox(Self.Path.ToString());
        foreach (var result in results)
        {
            _outbox.Add(result);
        }
        // The first delivery went out from the pool, before any slot asked for work.
        _outbox.TakeUnsent();
        Receive<LeasesClosed>(m =>
        {
            _outbox.Closed(m.LeaseIds);
            if (_outbox.IsSettled)
            {
                Context.Stop(Self);
            }
        });
        Receive<Resend>(_ =>
        {
            foreach (var message in _outbox.Resend())
            {
                dispatcher.Tell(message);
            }
        });
        Timers.StartPeriodicTimer(nameof(Resend), Resend.Instance, settings.RetryInterval);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Sends the results kept by an earlier start of the node, if any, and starts the actor that re-sends them until
    /// answered. Called by the pool before it starts its slots, so the results reach the dispatcher before any request
    /// for work, and settle their trials before those could be leased again.
    /// </summary>
    public static void Start(IUntypedActorContext context, IActorRef dispatcher, WorkerPoolSettings settings)
    {
        var results = settings.Undelivered.TakeAll();
        if (results.Count == 0)
        {
            return;
        }
        var redelivery = context.ActorOf(Props.Create(() => new ResultRedelivery(dispatcher, results, settings)), "redelivery");
        dispatcher.Tell(new TrialResults { Results = { results } }, redelivery);
    }

    /// <inheritdoc />
    protected override void PostStop() => _undelivered.Keep(_outbox.Unanswered);

    private sealed class Resend : INoSerializationVerificationNeeded
    {
        public static readonly Resend Instance = new();
    }
}
