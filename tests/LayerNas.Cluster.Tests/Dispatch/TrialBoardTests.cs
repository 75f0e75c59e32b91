using LayerNas.Cluster.Dispatch;
using LayerNas.Cluster.Tests.Support;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Tests.Dispatch;

public sealed class TrialBoardTests
{
    private static readonly DateTime T0 = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    // A worker "n1/s2" is slot s2 of node n1; a worker named without a node is a node of its own.
    private readonly TrialBoard<string> _board = new(TimeSpan.FromSeconds(5), worker => worker.Split('/')[0]);

    private static SearchSpec Spec(double timeoutSeconds = 10, int maxRetries = 2)
    {
        var spec = TestSpecs.Burger();
        spec.Trainer.TimeoutSeconds = timeoutSeconds;
        spec.Trainer.MaxRetries = maxRetries;
        return spec;
    }

    private static IEnumerable<ReadyTrial> Trials(params long[] numbers) =>
        numbers.Select(n => new ReadyTrial { TrialNumber = n, Architecture = { (int)n % 4, 0, 0 } });

    /// <summary>Opens a search with its spec and queues its trials, as a coordinator does.</summary>
    private IReadOnlyList<TrialBoard<string>.Grant> Add(string searchId, SearchSpec spec, IEnumerable<ReadyTrial> trials, DateTime now)
    {
        _board.Open(searchId, spec);
        return _board.Add(searchId, trials, now);
    }

    private static TrialResult Success(TrialLease lease) =>
        new() { LeaseId = lease.LeaseId, SearchId = lease.SearchId, TrialNumber = lease.TrialNumber, Attempt = lease.Attempt, Outcome = new TrainingOutcome { Reward = 1 } };

    private static TrialResult Failure(TrialLease lease, string reason = "boom") =>
        new() { LeaseId = lease.LeaseId, SearchId = lease.SearchId, TrialNumber = lease.TrialNumber, Attempt = lease.Attempt, FailureReason = reason };

    private TrialLease Take(string worker, string requestId, DateTime? now = null) =>
        Assert.Single(Assert.Single(_board.Request(worker, worker, requestId, 1, now ?? T0)).Leases.Leases);

    private static TrialLease Only(TrialBoard<string>.Grant grant) => Assert.Single(grant.Leases.Leases);

    [Fact]
    public void A_waiting_worker_gets_the_first_trial_dispatched_with_the_specs_timeout()
    {
        Assert.Empty(_board.Request("w1", "w1", "r1", 1, T0));

        var grant = Assert.Single(Add("a", Spec(timeoutSeconds: 42), Trials(2, 1), T0));

        Assert.Equal(("w1", 1L, "r1", 1, 42.0), (grant.Worker, Only(grant).TrialNumber, grant.Leases.RequestId, Only(grant).Attempt, Only(grant).TimeoutSeconds));
        Assert.Equal("burger", _board.SpecOf("a")!.Name);
    }

    [Fact]
    public void Searches_are_served_round_robin()
    {
        Add("a", Spec(), Trials(1, 2, 3), T0);
        Add("b", Spec(), Trials(1, 2), T0);

        var served = Enumerable.Range(1, 5).Select(i => Take($"w{i}", "r")).Select(l => $"{l.SearchId}{l.TrialNumber}").ToList();

        Assert.Equal(["a1", "b1", "a2", "b2", "a3"], served);
    }

    [Fact]
    public void Within_a_search_the_lowest_priority_goes_first_and_equal_priorities_by_number_while_searches_still_take_turns()
    {
        var ranked = Trials(1, 2, 3, 4).ToList();
        (ranked[0].Priority, ranked[1].Priority, ranked[2].Priority, ranked[3].Priority) = (2.5, 1.25, 1.5, 1.25);
        Add("a", Spec(), ranked, T0);
        Add("b", Spec(), Trials(1, 2), T0);

        var served = Enumerable.Range(1, 6).Select(i => Take($"w{i}", "r")).Select(l => $"{l.SearchId}{l.TrialNumber}").ToList();

        Assert.Equal(["a2", "b1", "a4", "b2", "a3", "a1"], served);
    }

    [Fact]
    public void A_retried_trial_keeps_its_priority()
    {
        var ranked = Trials(1, 2).ToList();
        (ranked[0].Priority, ranked[1].Priority) = (1, 2);
        Add("a", Spec(), ranked, T0);
        var first = Take("w1", "r1");

        _board.Report(Failure(first), T0);

        Assert.Equal(1, first.TrialNumber);
        Assert.Equal(1, Take("w2", "r1").TrialNumber);
    }

    [Fact]
    public void A_repeated_request_gets_the_same_lease_and_a_repeat_while_waiting_keeps_its_place()
    {
        _board.Request("w1", "w1", "r1", 1, T0);
        _board.Request("w2", "w2", "r1", 1, T0);
        _board.Request("w1", "w1", "r1", 1, T0);
        var first = Assert.Single(Add("a", Spec(), Trials(1), T0));

        var again = Take("w1", "r1");

        Assert.Equal("w1", first.Worker);
        Assert.Equal(Only(first).LeaseId, again.LeaseId);
        Assert.Equal(1, _board.LeaseCount);
    }

    [Fact]
    public void A_success_is_final_once_and_later_results_for_the_trial_are_duplicates()
    {
        Add("a", Spec(), Trials(1), T0);
        var lease = Take("w1", "r1");

        var first = _board.Report(Success(lease), T0);
        var second = _board.Report(Success(lease), T0);
        var late = _board.Report(Failure(lease), T0);

        Assert.Equal(ReportKind.Final, first.Kind);
        Assert.Equal(ReportKind.Duplicate, second.Kind);
        Assert.Equal(ReportKind.Duplicate, late.Kind);
        Assert.Equal(0, _board.LeaseCount);
    }

    [Fact]
    public void Failures_are_retried_up_to_max_retries_then_final_with_the_last_reason()
    {
        Add("a", Spec(maxRetries: 2), Trials(1), T0);

        var kinds = new List<ReportKind>();
        var attempts = new List<int>();
        TrialBoard<string>.Verdict verdict = null!;
        for (var i = 1; i <= 3; i++)
        {
            var lease = Take("w1", $"r{i}");
            attempts.Add(lease.Attempt);
            verdict = _board.Report(Failure(lease, $"boom {i}"), T0);
            kinds.Add(verdict.Kind);
        }

        Assert.Equal([1, 2, 3], attempts);
        Assert.Equal([ReportKind.Retried, ReportKind.Retried, ReportKind.Final], kinds);
        Assert.Equal(("boom 3", 3), (verdict.Final!.FailureReason, verdict.Final.Attempt));
        Assert.Empty(_board.Request("w1", "w1", "r9", 1, T0));
    }

    [Fact]
    public void A_failure_from_a_superseded_lease_is_a_duplicate_but_its_success_still_counts()
    {
        Add("a", Spec(timeoutSeconds: 10), Trials(1), T0);
        var old = Take("w1", "r1");
        _board.Expire(T0.AddSeconds(16));
        var current = Take("w2", "r1", T0.AddSeconds(16));

        Assert.Equal(ReportKind.Duplicate, _board.Report(Failure(old), T0.AddSeconds(17)).Kind);
        Assert.Equal(ReportKind.Final, _board.Report(Success(old), T0.AddSeconds(17)).Kind);
        Assert.Equal(ReportKind.Duplicate, _board.Report(Success(current), T0.AddSeconds(18)).Kind);
    }

    [Fact]
    public void A_lease_expires_after_timeout_plus_grace_and_the_trial_goes_to_the_next_worker()
    {
        Add("a", Spec(timeoutSeconds: 10), Trials(1), T0);
        var lease = Take("w1", "r1");
        _board.Request("w2", "w2", "r1", 1, T0);

        var early = _board.Expire(T0.AddSeconds(14.9));
        var late = _board.Expire(T0.AddSeconds(15));

        Assert.Empty(early.Grants);
        Assert.Empty(late.Failures);
        var retry = Assert.Single(late.Grants);
        Assert.Equal(("w2", lease.TrialNumber, 2), (retry.Worker, Only(retry).TrialNumber, Only(retry).Attempt));
    }

    [Fact]
    public void Expiry_that_uses_up_the_retries_fails_the_trial_for_good_with_a_readable_reason()
    {
        Add("a", Spec(timeoutSeconds: 1, maxRetries: 0), Trials(1), T0);
        Take("w1", "r1");

        var (failures, _) = _board.Expire(T0.AddSeconds(6));

        var failure = Assert.Single(failures);
        Assert.Equal((1L, 1), (failure.TrialNumber, failure.Attempt));
        Assert.Contains("no result from w1", failure.FailureReason);
    }

    [Fact]
    public void A_lost_worker_stops_waiting_and_its_leases_are_queued_again()
    {
        Add("a", Spec(), Trials(1), T0);
        var lease = Take("w1", "r1");
        _board.Request("w3", "w3", "r1", 1, T0);
        _board.Request("w2", "w2", "r1", 1, T0);
        _board.Lost("w3", T0);

        var (failures, grants) = _board.Lost("w1", T0);

        Assert.Empty(failures);
        var retry = Assert.Single(grants);
        Assert.Equal(("w2", lease.TrialNumber, 2), (retry.Worker, Only(retry).TrialNumber, Only(retry).Attempt));
        Assert.False(_board.Knows("w1"));
        Assert.False(_board.Knows("w3"));
    }

    [Fact]
    public void A_handed_back_lease_is_queued_again_at_once_without_counting_an_attempt()
    {
        Add("a", Spec(), Trials(1, 2), T0);
        var lease = Take("w1", "r1");

        _board.HandBack(lease.LeaseId, T0);
        var next = Take("w2", "r1");

        Assert.Equal((lease.TrialNumber, 1), (next.TrialNumber, next.Attempt));
        Assert.Empty(_board.HandBack(lease.LeaseId, T0));
    }

    [Fact]
    public void A_withdrawn_search_leaves_the_rotation_and_its_results_become_duplicates()
    {
        Add("a", Spec(), Trials(1, 2), T0);
        Add("b", Spec(), Trials(1), T0);
        var lease = Take("w1", "r1");

        _board.Withdraw("a");

        Assert.Equal(ReportKind.Duplicate, _board.Report(Success(lease), T0).Kind);
        Assert.Equal("b", Take("w2", "r1").SearchId);
        Assert.Equal(0, _board.ReadyCount);
    }

    [Fact]
    public void Trials_already_active_are_not_queued_twice()
    {
        Add("a", Spec(), Trials(1, 2), T0);
        Take("w1", "r1");

        Add("a", Spec(), Trials(1, 2, 3), T0);

        Assert.Equal(2, _board.ReadyCount);
    }

    [Fact]
    public void A_batch_request_takes_up_to_its_size_round_robin_with_each_spec_once_and_a_repeat_gets_the_same_batch()
    {
        Add("a", Spec(), Trials(1, 2, 3), T0);
        Add("b", Spec(), Trials(1), T0);

        var grant = Assert.Single(_board.Request("w1", "w1", "r1", 3, T0));
        var again = Assert.Single(_board.Request("w1", "w1", "r1", 3, T0));

        Assert.Equal(["a1", "b1", "a2"], grant.Leases.Leases.Select(l => $"{l.SearchId}{l.TrialNumber}"));
        Assert.Equal(["a", "b"], grant.Leases.Leases.Select(l => l.SearchId).Distinct().Where(id => _board.SpecOf(id) is not null).Order());
        Assert.Equal(grant.Leases, again.Leases);
        Assert.Equal(1, _board.ReadyCount);
    }

    [Fact]
    public void A_lease_later_in_a_batch_allows_a_timeout_for_each_lease_before_it()
    {
        Add("a", Spec(timeoutSeconds: 10), Trials(1, 2, 3), T0);
        _board.Request("w1", "w1", "r1", 3, T0);

        var expiredBy = new[] { 14.9, 15, 24.9, 25, 34.9, 35 }.Select(seconds =>
        {
            _board.Expire(T0.AddSeconds(seconds));
            return _board.ReadyCount;
        });

        Assert.Equal([0, 1, 1, 2, 2, 3], expiredBy);
    }

    [Fact]
    public void A_repeat_of_a_partly_settled_batch_gets_only_the_leases_still_out()
    {
        Add("a", Spec(), Trials(1, 2), T0);
        var leases = Assert.Single(_board.Request("w1", "w1", "r1", 2, T0)).Leases.Leases;
        _board.Report(Success(leases[0]), T0);

        var again = Assert.Single(_board.Request("w1", "w1", "r1", 2, T0));

        Assert.Equal([leases[1].LeaseId], again.Leases.Leases.Select(l => l.LeaseId));
    }

    [Fact]
    public void An_unreachable_node_gets_no_trials_until_it_is_reachable_again_while_other_nodes_are_served()
    {
        _board.Request("n1/s1", "n1/s1", "r1", 1, T0);
        _board.Unreachable("n1");

        Assert.Empty(Add("a", Spec(), Trials(1, 2), T0));
        var other = Assert.Single(_board.Request("n2/s1", "n2/s1", "r1", 1, T0));
        var back = Assert.Single(_board.Reachable("n1", T0));

        Assert.Equal(("n2/s1", 1L), (other.Worker, Only(other).TrialNumber));
        Assert.Equal(("n1/s1", 2L), (back.Worker, Only(back).TrialNumber));
        Assert.Empty(_board.Reachable("n1", T0));
    }

    [Fact]
    public void A_node_that_dies_holding_a_trial_costs_it_one_attempt_though_its_other_slot_is_still_waiting_for_work()
    {
        // One retry: were the loss counted once per slot, the second slot's loss would fail the trial for good.
        Add("a", Spec(maxRetries: 1), Trials(1), T0);
        var first = Take("n1/s1", "r1");
        _board.Request("n1/s2", "n1/s2", "r1", 1, T0);

        // Its slots are reported gone one by one, before anyone said the node was unreachable.
        var (failures, grants) = _board.Lost("n1/s1", T0);
        var second = Only(Assert.Single(grants));
        var (secondFailures, _) = _board.Lost("n1/s2", T0);
        var third = Take("n2/s1", "r1");

        Assert.Empty(failures);
        Assert.Empty(secondFailures);
        Assert.Equal((1L, 1), (first.TrialNumber, first.Attempt));
        Assert.Equal((1L, 2), (second.TrialNumber, second.Attempt));
        Assert.Equal((1L, 2), (third.TrialNumber, third.Attempt));
        Assert.Equal(ReportKind.Final, _board.Report(Success(third), T0).Kind);
    }

    [Fact]
    public void A_trial_lost_by_a_node_found_unreachable_goes_to_another_node_not_to_the_dead_nodes_waiting_slot()
    {
        Add("a", Spec(maxRetries: 1), Trials(1), T0);
        Take("n1/s1", "r1");
        _board.Request("n1/s2", "n1/s2", "r1", 1, T0);
        _board.Unreachable("n1");

        var (failures, grants) = _board.Lost("n1/s1", T0);
        var retry = Take("n2/s1", "r1");

        Assert.Empty(failures);
        Assert.Empty(grants);
        Assert.Equal((1L, 2), (retry.TrialNumber, retry.Attempt));
        Assert.Empty(_board.Lost("n1/s2", T0).Failures);
    }

    [Fact]
    public void Losses_on_different_nodes_each_count_and_use_up_the_retries()
    {
        Add("a", Spec(maxRetries: 1), Trials(1), T0);
        Take("n1/s1", "r1");
        _board.Lost("n1/s1", T0);
        Take("n2/s1", "r1");

        var (failures, _) = _board.Lost("n2/s1", T0);

        var failure = Assert.Single(failures);
        Assert.Equal((1L, 2), (failure.TrialNumber, failure.Attempt));
        Assert.Contains("n2/s1 was lost during attempt 2", failure.FailureReason);
    }

    [Fact]
    public void Only_a_search_withdrawn_since_the_board_began_counts_as_withdrawn()
    {
        Add("a", Spec(), Trials(1), T0);

        _board.Withdraw("a");

        Assert.True(_board.IsWithdrawn("a"));
        Assert.False(_board.IsWithdrawn("b"));
        Add("a", Spec(), Trials(1), T0);
        Assert.False(_board.IsWithdrawn("a"));
    }

    [Fact]
    public void The_workers_view_shows_each_worker_its_leases_and_what_it_trained_and_failed()
    {
        Add("a", Spec(maxRetries: 3), Trials(1, 2, 3, 4), T0);
        var first = Take("w1", "r1");
        var second = Take("w2", "r1", T0.AddSeconds(1));
        _board.Report(Success(first), T0.AddSeconds(2));
        _board.Report(Failure(second), T0.AddSeconds(3));
        var batch = Assert.Single(_board.Request("w1", "w1", "r2", 2, T0.AddSeconds(4))).Leases.Leases;
        var last = Take("w3", "r1", T0.AddSeconds(5));

        var workers = _board.Workers();

        Assert.Equal(["w1", "w2", "w3"], workers.Select(w => w.Name));
        Assert.Equal((1L, 0L, false), (workers[0].Trained, workers[0].FailedAttempts, workers[0].Waiting));
        Assert.Equal([2L, 3], batch.Select(l => l.TrialNumber));
        Assert.Equal(batch, workers[0].Leases.Select(l => l.Lease));
        Assert.Equal(T0.AddSeconds(4), workers[0].Leases[0].Granted);
        Assert.Equal((0L, 1L, 0), (workers[1].Trained, workers[1].FailedAttempts, workers[1].Leases.Count));
        Assert.Equal(4L, Assert.Single(workers[2].Leases).Lease.TrialNumber);
        Assert.Equal(last, workers[2].Leases[0].Lease);
        Assert.Equal((3, 2, 3), (_board.WorkerCount, _board.BusyCount, _board.LeaseCount));

        _board.Lost("w1", T0.AddSeconds(6));

        Assert.Equal(["w2", "w3"], _board.Workers().Select(w => w.Name));
    }

    [Fact]
    public void Utilization_keeps_one_sample_per_interval_with_the_most_slots_busy_in_it_and_only_the_newest()
    {
        var history = new UtilizationHistory(TimeSpan.FromSeconds(5), capacity: 2);

        history.Observe(T0, 4, 1);
        history.Observe(T0.AddSeconds(1), 4, 3);
        history.Observe(T0.AddSeconds(5), 4, 2);
        history.Observe(T0.AddSeconds(10), 5, 0);

        Assert.Equal([(T0.AddSeconds(5), 4, 3), (T0.AddSeconds(10), 5, 0)],
            history.Samples.Select(s => (DateTime.UnixEpoch.AddMilliseconds(s.UnixMs), s.Slots, s.Busy)));
    }
}
