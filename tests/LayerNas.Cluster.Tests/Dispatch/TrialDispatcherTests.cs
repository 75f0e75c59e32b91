using LayerNas.Cluster.Metrics;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using LayerNas.Cluster.Dispatch;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Dispatch;

public sealed class TrialDispatcherTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private IActorRef Dispatcher() => Sys.ActorOf(TrialDispatcher.Props(new TrialDispatcherSettings
    {
        LeaseGrace = TimeSpan.FromMilliseconds(100),
        SweepInterval = TimeSpan.FromMilliseconds(20),
    }, new LayerNasMetrics()));

    /// <summary>What a coordinator sends to have trials dispatched: its search opened with the spec, then the trials.</summary>
    private static object[] Dispatch(double timeoutSeconds, int maxRetries, params long[] numbers)
    {
        var spec = TestSpecs.Burger();
        spec.Trainer.TimeoutSeconds = timeoutSeconds;
        spec.Trainer.MaxRetries = maxRetries;
        return
        [
            new OpenSearch { SearchId = "s", Spec = spec },
            new DispatchTrials { SearchId = "s", Trials = { numbers.Select(n => new ReadyTrial { TrialNumber = n, Architecture = { 0, 1, 2 } }) } },
        ];
    }

    private static void Send(IActorRef dispatcher, object[] messages, IActorRef sender)
    {
        foreach (var message in messages)
        {
            dispatcher.Tell(message, sender);
        }
    }

    private static TrialResult Failure(TrialLease lease) => new()
    {
        LeaseId = lease.LeaseId, SearchId = lease.SearchId, TrialNumber = lease.TrialNumber, Attempt = lease.Attempt, Worker = "w", FailureReason = $"boom {lease.Attempt}",
    };

    private static TrialResult Success(TrialLease lease) => new()
    {
        LeaseId = lease.LeaseId, SearchId = lease.SearchId, TrialNumber = lease.TrialNumber, Attempt = lease.Attempt, Worker = "w", Outcome = new TrainingOutcome { Reward = 0.5 },
    };

    private static TrialLease Single(Akka.TestKit.TestProbe worker) => Assert.Single(worker.ExpectMsg<TrialLeases>(Patience).Leases);

    private static TrialResults Results(params TrialResult[] results) => new() { Results = { results } };

    [Fact]
    public void A_final_result_goes_to_the_coordinator_once_with_the_worker_as_sender_and_a_duplicate_is_acknowledged_here()
    {
        var dispatcher = Dispatcher();
        var coordinator = CreateTestProbe();
        var worker = CreateTestProbe();
        Send(dispatcher, Dispatch(60, 2, 1), coordinator);
        dispatcher.Tell(new WorkRequest { Worker = "w", RequestId = "r1" }, worker);
        var lease = Single(worker);

        dispatcher.Tell(Results(Success(lease)), worker);
        dispatcher.Tell(Results(Success(lease)), worker);

        Assert.Equal(lease.TrialNumber, Assert.Single(coordinator.ExpectMsg<TrialResults>(Patience).Results).TrialNumber);
        Assert.Equal(worker.Ref, coordinator.LastSender);
        Assert.Equal(lease.LeaseId, Assert.Single(worker.ExpectMsg<LeasesClosed>(Patience).LeaseIds));
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Failures_are_retried_until_max_retries_then_reported_as_failed_for_good()
    {
        var dispatcher = Dispatcher();
        var coordinator = CreateTestProbe();
        var worker = CreateTestProbe();
        Send(dispatcher, Dispatch(60, 1, 1), coordinator);

        dispatcher.Tell(new WorkRequest { Worker = "w", RequestId = "r1" }, worker);
        var first = Single(worker);
        dispatcher.Tell(Results(Failure(first)), worker);
        worker.ExpectMsg<LeasesClosed>(Patience);
        dispatcher.Tell(new WorkRequest { Worker = "w", RequestId = "r2" }, worker);
        var second = Single(worker);
        dispatcher.Tell(Results(Failure(second)), worker);

        var failure = Assert.Single(coordinator.ExpectMsg<TrialResults>(Patience).Results);
        Assert.Equal((1, 2), (first.Attempt, second.Attempt));
        Assert.Equal(("boom 2", 2), (failure.FailureReason, failure.Attempt));
    }

    [Fact]
    public void An_expired_lease_is_leased_again_and_fails_for_good_once_retries_are_spent()
    {
        var dispatcher = Dispatcher();
        var coordinator = CreateTestProbe();
        var silent = CreateTestProbe();
        Send(dispatcher, Dispatch(0.1, 1, 1), coordinator);
        dispatcher.Tell(new WorkRequest { Worker = "silent", RequestId = "r1" }, silent);
        Single(silent);

        dispatcher.Tell(new WorkRequest { Worker = "silent", RequestId = "r2" }, silent);
        var retry = Single(silent);

        Assert.Equal(2, retry.Attempt);
        var failure = Assert.Single(coordinator.ExpectMsg<TrialResults>(Patience).Results);
        Assert.Contains("no result from silent", failure.FailureReason);
    }

    [Fact]
    public void A_terminated_worker_loses_its_lease_to_the_next_worker()
    {
        var dispatcher = Dispatcher();
        var coordinator = CreateTestProbe();
        var doomed = CreateTestProbe();
        var survivor = CreateTestProbe();
        Send(dispatcher, Dispatch(60, 2, 1), coordinator);
        dispatcher.Tell(new WorkRequest { Worker = "doomed", RequestId = "r1" }, doomed);
        var lease = Single(doomed);
        dispatcher.Tell(new WorkRequest { Worker = "survivor", RequestId = "r1" }, survivor);

        Watch(doomed.Ref);
        Sys.Stop(doomed.Ref);
        ExpectTerminated(doomed.Ref, Patience);

        var retry = Single(survivor);
        Assert.Equal((lease.TrialNumber, 2), (retry.TrialNumber, retry.Attempt));
    }

    [Fact]
    public void A_handed_back_lease_is_acknowledged_and_leased_again_as_the_same_attempt()
    {
        var dispatcher = Dispatcher();
        var worker = CreateTestProbe();
        Send(dispatcher, Dispatch(60, 2, 1), CreateTestProbe());
        dispatcher.Tell(new WorkRequest { Worker = "w", RequestId = "r1" }, worker);
        var lease = Single(worker);

        dispatcher.Tell(new HandBack { LeaseIds = { lease.LeaseId }, Worker = "w" }, worker);
        worker.ExpectMsg<LeasesClosed>(Patience);
        dispatcher.Tell(new WorkRequest { Worker = "w", RequestId = "r2" }, worker);

        var again = Single(worker);
        Assert.Equal((1L, 1), (again.TrialNumber, again.Attempt));
    }

    [Fact]
    public void A_batch_of_results_reaches_the_coordinator_as_one_message_and_the_rest_is_acknowledged_at_once()
    {
        var dispatcher = Dispatcher();
        var coordinator = CreateTestProbe();
        var worker = CreateTestProbe();
        Send(dispatcher, Dispatch(60, 2, 1, 2, 3), coordinator);
        dispatcher.Tell(new WorkRequest { Worker = "w", RequestId = "r1", MaxTrials = 3 }, worker);
        var batch = worker.ExpectMsg<TrialLeases>(Patience);
        var leases = batch.Leases;

        dispatcher.Tell(Results(Success(leases[0]), Failure(leases[1]), Success(leases[2])), worker);

        Assert.Equal([1L, 3L], coordinator.ExpectMsg<TrialResults>(Patience).Results.Select(r => r.TrialNumber));
        Assert.Equal([leases[1].LeaseId], worker.ExpectMsg<LeasesClosed>(Patience).LeaseIds);
        dispatcher.Tell(new GetSearchSpec { SearchId = "s" }, worker);
        Assert.Equal("burger", worker.ExpectMsg<SearchSpecAnswer>(Patience).Spec.Name);
        coordinator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_result_that_comes_before_its_search_is_opened_waits_and_settles_its_trial_once_dispatched_so_nobody_trains_it_again()
    {
        // A worker that rejoins a restarted coordinator re-sends what it trained before the crash, under a lease the
        // new dispatcher never granted, possibly while the search's coordinator is still recovering.
        var dispatcher = Dispatcher();
        var coordinator = CreateTestProbe();
        var rejoined = CreateTestProbe();
        var idle = CreateTestProbe();
        var early = new TrialResult { LeaseId = "old-7", SearchId = "s", TrialNumber = 1, Attempt = 1, Worker = "w", Outcome = new TrainingOutcome { Reward = 0.5 } };
        dispatcher.Tell(Results(early), rejoined);
        dispatcher.Tell(new WorkRequest { Worker = "idle", RequestId = "r1", MaxTrials = 5 }, idle);
        rejoined.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Send(dispatcher, Dispatch(60, 2, 1, 2), coordinator);

        Assert.Equal("old-7", Assert.Single(coordinator.ExpectMsg<TrialResults>(Patience).Results).LeaseId);
        Assert.Equal(rejoined.Ref, coordinator.LastSender);
        Assert.Equal([2L], idle.ExpectMsg<TrialLeases>(Patience).Leases.Select(l => l.TrialNumber));
    }

    [Fact]
    public void Results_for_a_withdrawn_search_are_acknowledged_and_so_are_those_held_for_a_search_withdrawn_before_it_dispatched()
    {
        var dispatcher = Dispatcher();
        var worker = CreateTestProbe();
        var held = new TrialResult { LeaseId = "old-1", SearchId = "t", TrialNumber = 1, Attempt = 1, Worker = "w", Outcome = new TrainingOutcome { Reward = 0.5 } };
        dispatcher.Tell(Results(held), worker);
        Send(dispatcher, Dispatch(60, 2, 1), CreateTestProbe());

        dispatcher.Tell(new WithdrawSearch { SearchId = "t" });
        dispatcher.Tell(new WithdrawSearch { SearchId = "s" });
        dispatcher.Tell(Results(new TrialResult(held) { LeaseId = "old-2", SearchId = "s" }), worker);

        Assert.Equal(["old-1"], worker.ExpectMsg<LeasesClosed>(Patience).LeaseIds);
        Assert.Equal(["old-2"], worker.ExpectMsg<LeasesClosed>(Patience).LeaseIds);
    }
}
