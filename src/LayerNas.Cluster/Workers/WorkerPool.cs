using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using LayerNas.Cluster.Metrics;
using LayerNas.Cluster.Searches;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Workers;

/// <summary>A node's worker slots. On shutdown it has every slot hand back its lease before the node leaves, so scaling in loses no work.</summary>
/// <remarks>
/// The slots start once the search manager answers: until the manager is found, a node's messages to it wait in the
/// singleton proxy's buffer (1,000 messages, the oldest dropped first), and thousands of slots re-sending their
/// requests would push everything else out of it, a client's submit among them. The pool asks for the spec of no
/// search, which the dispatcher answers at once, and delivers what an earlier start of the node left undelivered
/// before any slot asks for work.
/// </remarks>
public sealed class WorkerPool : ReceiveActor, IWithTimers
{
    private static readonly GetSearchSpec Ping = new() { SearchId = "" };

    private readonly List<IActorRef> _slots = [];

    /// <summary>Creates the pool; see <see cref="Props"/>.</summary>
    public WorkerPool(IActorRef dispatcher, TrainerProvider provider, WorkerPoolSettings settings, LayerNasMetrics metrics)
    {
        Receive<PingManager>(_ => dispatcher.Tell(Ping));
        Receive<SearchSpecAnswer>(_ =>
        {
            if (_slots.Count > 0)
            {
                return;
            }
            Timers.Cancel(nameof(PingManager));
            ResultRedelivery.Start(Context, dispatcher, settings);
            // Slot actors are named from 1 (slot-1), their indices, which trainers see, count from 0 as device numbers do.
            _slots.AddRange(Enumerable.Range(0, Math.Max(1, settings.Slots))
                .Select(i => Context.ActorOf(WorkerSlot.Props(dispatcher, provider, i, settings, metrics), $"slot-{i + 1}")));
            metrics.SlotsStarted(_slots.Count);
        });
        ReceiveAsync<HandBackLeases>(async _ =>
        {
            var sender = Sender;
            try
            {
                await Task.WhenAll(_slots.Select(s => s.Ask<LeasesHandedBack>(HandBackLeases.Instance, settings.HandBackTimeout)));
            }
            catch (AskTimeoutException)
            {
                // Leases not handed back in time expire at the dispatcher instead.
                Context.GetLogger().Warning("Not every worker slot handed its lease back within {0}", settings.HandBackTimeout);
            }
            sender.Tell(LeasesHandedBack.Instance);
        });
        dispatcher.Tell(Ping);
        Timers.StartPeriodicTimer(nameof(PingManager), PingManager.Instance, settings.RetryInterval);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a pool whose slots pull work from <paramref name="dispatcher"/> (the search manager or its proxy) and report their attempts to <paramref name="metrics"/>.</summary>
    public static Props Props(IActorRef dispatcher, TrainerProvider provider, WorkerPoolSettings settings, LayerNasMetrics metrics) =>
        Akka.Actor.Props.Create(() => new WorkerPool(dispatcher, provider, settings, metrics));

    /// <summary>Stop taking work, give back leases and deliver pending reports; answered with <see cref="LeasesHandedBack"/>.</summary>
    public sealed class HandBackLeases : INoSerializationVerificationNeeded
    {
        /// <summary>The only instance.</summary>
        public static readonly HandBackLeases Instance = new();
    }

    /// <summary>Every lease is handed back and every report delivered (or the wait timed out).</summary>
    public sealed class LeasesHandedBack : INoSerializationVerificationNeeded
    {
        /// <summary>The only instance.</summary>
        public static readonly LeasesHandedBack Instance = new();
    }

    private sealed class PingManager : INoSerializationVerificationNeeded
    {
        public static readonly PingManager Instance = new();
    }
}

/// <summary>Hosting of the worker pool.</summary>
public static class WorkerPoolHostingExtensions
{
    private static readonly TimeSpan HandBackMargin = TimeSpan.FromSeconds(2);

    /// <summary>The coordinated-shutdown settings a worker node adds: the hand-back phase gets the hand-back's own bound and a margin (Akka's default 5 s would cut it short).</summary>
    public static string ShutdownHocon(WorkerPoolSettings settings) =>
        $"akka.coordinated-shutdown.phases.before-service-unbind.timeout = {(int)Math.Ceiling((settings.HandBackTimeout + HandBackMargin).TotalSeconds)}s";

    /// <summary>
    /// Starts this node's worker pool, pulling work through the search manager registered under
    /// <see cref="SearchManager"/> (add <c>AddSearchManager</c> or <c>AddSearchManagerProxy</c> first), and has it hand
    /// its leases back in the first phase of coordinated shutdown; its slots report their attempts to <paramref name="metrics"/>.
    /// </summary>
    public static AkkaConfigurationBuilder AddWorkerPool(this AkkaConfigurationBuilder builder, WorkerPoolSettings settings, TrainerProvider provider, LayerNasMetrics metrics) =>
        builder
            .AddHocon(ShutdownHocon(settings), HoconAddMode.Prepend)
            .WithActors((system, registry) =>
            {
                var pool = system.ActorOf(WorkerPool.Props(registry.Get<SearchManager>(), provider, settings, metrics), "workers");
                registry.Register<WorkerPool>(pool);
                if (!Akka.Cluster.Cluster.Get(system).SelfRoles.Contains(ClusterRoles.Coordinator))
                {
                    system.ActorOf(CoordinatorWatch.Props(), "coordinator-watch");
                }
                var shutdown = CoordinatedShutdown.Get(system);
                shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hand-back-leases", async () =>
                {
                    if (shutdown.ShutdownReason is CoordinatedShutdown.ClusterDowningReason or CoordinatorLeftReason)
                    {
                        // No dispatcher is reachable any more: its leases end when the dispatcher sees the node gone, or with the dispatcher.
                        return Done.Instance;
                    }
                    await pool.Ask<WorkerPool.LeasesHandedBack>(WorkerPool.HandBackLeases.Instance, settings.HandBackTimeout + (HandBackMargin / 2));
                    return Done.Instance;
                });
            });
}
