using Akka.Actor;
using Akka.TestKit.Xunit2;
using LayerNas.Cluster.Metrics;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Cluster.Workers;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Workers;

/// <summary>A node's worker pool against a probe standing in for the search manager.</summary>
public sealed class WorkerPoolTests : TestKit
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly WorkerPoolSettings _settings = new() { Slots = 2, RetryInterval = TimeSpan.FromMilliseconds(300) };

    private static TrialResult Trained(string lease, long trial) =>
        new() { LeaseId = lease, SearchId = "s", TrialNumber = trial, Attempt = 1, Worker = "earlier", Outcome = new TrainingOutcome { Reward = 0.5 } };

    private IActorRef Pool(Akka.TestKit.TestProbe manager) =>
        Sys.ActorOf(WorkerPool.Props(manager.Ref, RecordingTrainer.Provider(new TrainingLog(), TimeSpan.Zero), _settings, new LayerNasMetrics()));

    /// <summary>Answers the pool's question for the manager, as the dispatcher does once the manager is found.</summary>
    private static void Answer(Akka.TestKit.TestProbe manager)
    {
        Assert.Equal("", manager.ExpectMsg<GetSearchSpec>(Patience).SearchId);
        manager.Reply(new SearchSpecAnswer { SearchId = "" });
    }

    [Fact]
    public void Slots_ask_for_work_only_once_the_search_manager_answers()
    {
        var manager = CreateTestProbe();
        Pool(manager);

        manager.ExpectMsg<GetSearchSpec>(Patience);
        Assert.IsType<GetSearchSpec>(manager.ReceiveOne(Patience));
        manager.Reply(new SearchSpecAnswer { SearchId = "" });

        // Questions asked while the answer was on its way may still come; then only the slots' requests.
        var requests = Enumerable.Range(0, 2).Select(_ => manager.FishForMessage<object>(m => m is not GetSearchSpec, Patience)).ToList();
        Assert.Equal(2, requests.Select(r => Assert.IsType<WorkRequest>(r).Worker).Distinct().Count());
    }

    [Fact]
    public void Results_an_earlier_start_of_the_node_left_undelivered_reach_the_manager_before_any_request_for_work_and_go_again_until_answered()
    {
        _settings.Undelivered.Keep([Trained("old-1", 1), Trained("old-2", 2)]);
        var manager = CreateTestProbe();
        Pool(manager);
        Answer(manager);

        // A slow test thread may leave another question for the manager in line; nothing else may come first.
        var first = Assert.IsType<TrialResults>(manager.FishForMessage<object>(m => m is not GetSearchSpec, Patience));
        var redelivery = manager.LastSender;
        var again = manager.FishForMessage<TrialResults>(_ => true, Patience);
        Watch(redelivery);
        redelivery.Tell(new LeasesClosed { LeaseIds = { "old-1", "old-2" } });

        Assert.Equal(["old-1", "old-2"], first.Results.Select(r => r.LeaseId).Order());
        Assert.Equal(["old-1", "old-2"], again.Results.Select(r => r.LeaseId).Order());
        ExpectTerminated(redelivery, Patience);
        Assert.Equal(0, _settings.Undelivered.Count);
    }

    [Fact]
    public async Task A_pool_that_stops_keeps_what_its_slots_trained_and_nobody_answered_for_the_nodes_next_start()
    {
        var manager = CreateTestProbe();
        var pool = Pool(manager);
        Answer(manager);
        var request = manager.FishForMessage<WorkRequest>(_ => true, Patience);
        manager.Reply(new TrialLeases
        {
            RequestId = request.RequestId,
            Leases = { new TrialLease { LeaseId = "l-1", SearchId = "s", TrialNumber = 1, Architecture = { 0, 1, 2 }, Attempt = 1, TimeoutSeconds = 60 } },
        });
        manager.FishForMessage<GetSearchSpec>(m => m.SearchId == "s", Patience);
        manager.Reply(new SearchSpecAnswer { SearchId = "s", Spec = TestSpecs.Burger() });
        manager.FishForMessage<TrialResults>(_ => true, Patience);

        Sys.Stop(pool);

        await Wait.UntilAsync(() => _settings.Undelivered.Count == 1, Patience, "the unanswered result to be kept");
        Assert.Equal("l-1", Assert.Single(_settings.Undelivered.TakeAll()).LeaseId);
    }
}
