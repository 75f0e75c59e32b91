using LayerNas.Core.Ledger;
using LayerNas.Core.Search;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

public sealed class SearchLedgerTests
{
    private const long Now = 1_700_000_000_000;
    private const string Worker = "akka.tcp://layernas@10.0.0.7:4053/user/workers/slot-2";

    [Fact]
    public void A_new_search_has_its_first_trials_pending_and_nothing_settled()
    {
        var ledger = SearchLedger.Start("s", LedgerSpecs.Burger());

        Assert.Equal([1L, 2, 3, 4], ledger.PendingTrials.Select(t => t.Number));
        Assert.Empty(ledger.Trials);
        Assert.False(ledger.ShouldEnd);
        var status = ledger.Status();
        Assert.Equal(("running", 1, 3, 0, 4, 4), (status.State, status.Progress.Stage, status.Progress.Stages, status.Progress.Done, status.Progress.Total, status.Progress.TrialsRunning));
        Assert.Null(status.Progress.Best);
        Assert.Equal(["bun", "patty", "topping"], status.LayerNames);
    }

    [Fact]
    public void A_result_of_a_pending_trial_is_decided_into_the_event_that_records_it()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var result = LedgerSpecs.Result(search, 2, [1, 3, 3], Worker, attempt: 2);

        var decision = ledger.Decide([result], Now);

        var completed = Assert.IsType<TrialCompleted>(Assert.Single(decision.Events));
        Assert.Empty(decision.Ignored);
        Assert.Equal(("s", 2L, result.Outcome.Reward, Worker, 0.25, 2, Now),
            (completed.SearchId, completed.TrialNumber, completed.Reward, completed.Worker, completed.Seconds, completed.Attempts, completed.RecordedUnixMs));
        Assert.Equal([1, 3, 3], completed.Architecture);
        Assert.Equal(result.Outcome.Metrics, completed.Metrics);
        Assert.Equal(4, ledger.PendingTrials.Count);
    }

    [Fact]
    public void Results_that_settle_nothing_are_ignored_a_repeat_an_unknown_trial_and_a_second_result_in_one_batch()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var first = LedgerSpecs.Result(search, 1, [0, 3, 3], Worker);
        ledger.Apply(Assert.Single(ledger.Decide([first], Now).Events));

        var again = LedgerSpecs.Result(search, 1, [0, 3, 3], Worker);
        var unknown = LedgerSpecs.Result(search, 99, [0, 0, 0], Worker);
        var twice = LedgerSpecs.Result(search, 2, [1, 3, 3], Worker);
        var decision = ledger.Decide([again, unknown, twice, twice.Clone()], Now);

        Assert.Equal(2L, Assert.IsType<TrialCompleted>(Assert.Single(decision.Events)).TrialNumber);
        Assert.Equal(3, decision.Ignored.Count);
        Assert.Same(again, decision.Ignored[0]);
        Assert.Same(unknown, decision.Ignored[1]);
    }

    [Fact]
    public void A_failure_is_recorded_with_its_reason_and_attempts_and_listed_as_failed()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var failure = new TrialResult { LeaseId = "l", SearchId = "s", TrialNumber = 3, Attempt = 3, Worker = Worker, FailureReason = "out of memory" };

        var failed = Assert.IsType<TrialFailed>(Assert.Single(ledger.Decide([failure], Now).Events));
        ledger.Apply(failed);

        Assert.Equal(("out of memory", 3, Now), (failed.Reason, failed.Attempts, failed.RecordedUnixMs));
        var record = Assert.Single(TrialRecords.Page(ledger, 0).Trials);
        Assert.Equal((3L, true, "out of memory", 3, "", Now), (record.TrialNumber, record.Failed, record.FailureReason, record.Attempts, record.Worker, record.RecordedUnixMs));
        Assert.Equal(["brioche", "wagyu", "truffle"], record.Architecture);
        Assert.Equal(1, ledger.Progress().TrialsFailed);
        Assert.Empty(ledger.Status().TrainedByNode);
    }

    [Theory]
    [InlineData(double.NaN, 0.5, "the trainer reported a non-finite reward (NaN)")]
    [InlineData(double.PositiveInfinity, 0.5, "the trainer reported a non-finite reward (Infinity)")]
    [InlineData(0.5, double.NegativeInfinity, "the trainer reported a non-finite value for the metric 'latency' (-Infinity)")]
    public void A_non_finite_reward_or_metric_fails_its_trial_with_the_reason_and_never_becomes_the_best(double reward, double latency, string reason)
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var result = LedgerSpecs.Result(search, 2, [1, 3, 3], Worker);
        result.Outcome.Reward = reward;
        result.Outcome.Metrics["latency"] = latency;

        var failed = Assert.IsType<TrialFailed>(Assert.Single(ledger.Decide([result], Now).Events));
        ledger.Apply(failed);

        Assert.Equal((2L, reason), (failed.TrialNumber, failed.Reason));
        Assert.Null(ledger.Best);
        Assert.Equal((0, 1), (ledger.Progress().TrialsTrained, ledger.Progress().TrialsFailed));
    }

    [Fact]
    public void Applying_the_last_result_of_a_depth_creates_the_next_depths_trials_and_updates_best_and_nodes()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var depthOne = ledger.PendingTrials;

        var created = new List<Trial>();
        foreach (var trial in depthOne)
        {
            var decided = ledger.Decide([LedgerSpecs.Result(search, trial.Number, trial.Architecture.Choices.ToArray(), Worker)], Now);
            created.AddRange(ledger.Apply(Assert.Single(decided.Events)));
        }

        // Depth 2 has 15 children that can reach the target; the 4 with the dearest patty were trained at depth 1.
        Assert.Equal(11, created.Count);
        Assert.Equal(created.Select(t => t.Number), ledger.PendingTrials.Select(t => t.Number));
        var progress = ledger.Progress();
        Assert.Equal((2, 4, 15, 4L, 4L), (progress.Stage, progress.Done, progress.Total, progress.TrialsTrained, progress.TrialsCached));
        var best = ledger.Trials.Where(r => search.Problem.Target.Contains(r.Trial.Cost)).MaxBy(r => r.Trial.Outcome!.Reward)!;
        Assert.Equal(best.Trial.Outcome!.Reward, progress.Best.Reward);
        Assert.Equal(4L, ledger.Status().TrainedByNode["akka.tcp://layernas@10.0.0.7:4053"]);
    }

    [Fact]
    public void An_event_that_settles_no_pending_trial_is_a_journal_of_another_search_and_is_refused()
    {
        var ledger = SearchLedger.Start("s", LedgerSpecs.Burger());

        var wrongNumber = Assert.Throws<InvalidOperationException>(() => ledger.Apply(new TrialCompleted { SearchId = "s", TrialNumber = 12, Architecture = { 0, 3, 3 }, Reward = 1 }));
        var wrongArchitecture = Assert.Throws<InvalidOperationException>(() => ledger.Apply(new TrialFailed { SearchId = "s", TrialNumber = 1, Architecture = { 2, 2, 2 }, Reason = "x" }));

        Assert.Contains("trial 12 (0:3:3) is not a pending trial", wrongNumber.Message);
        Assert.Contains("trial 1 (2:2:2) is not a pending trial", wrongArchitecture.Message);
        Assert.Empty(ledger.Trials);
    }

    [Fact]
    public void A_cancellation_is_decided_once_then_every_result_is_ignored_and_the_end_is_due_with_the_best_so_far()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        ledger.Apply(Assert.Single(ledger.Decide([LedgerSpecs.Result(search, 1, [0, 3, 3], Worker)], Now).Events));

        var cancelled = Assert.IsType<SearchCancelled>(Assert.Single(ledger.DecideCancel("enough")));
        ledger.Apply(cancelled);

        Assert.Empty(ledger.DecideCancel("again"));
        var late = LedgerSpecs.Result(search, 2, [1, 3, 3], Worker);
        Assert.Same(late, Assert.Single(ledger.Decide([late], Now).Ignored));
        Assert.True(ledger.ShouldEnd);
        var end = ledger.DecideEnd(Now)!;
        Assert.Equal(("cancelled", 1L, "enough"), (end.Result.Status, end.Result.TrialsTrained, cancelled.Reason));
        Assert.Equal(["plain", "wagyu", "truffle"], end.Result.Best.Architecture);
        ledger.Apply(end);
        Assert.Null(ledger.DecideEnd(Now));
        Assert.Empty(ledger.DecideCancel("late"));
        Assert.Equal(("cancelled", end.Result), (ledger.Status().State, ledger.Status().Result));
    }

    [Fact]
    public void The_end_of_a_finished_search_holds_the_result_its_settled_trials_build()
    {
        var search = LedgerSpecs.Burger();
        var run = new LedgerRun(search, seed: 3);

        var ledger = run.Run(SearchLedger.Start("s", search));

        var finished = Assert.IsType<SearchFinished>(run.Journal[^1]);
        Assert.Equal(SearchResultBuilder.Build("s", search, ledger.State, "finished"), finished.Result);
        Assert.Equal((22L, 6L), (finished.Result.TrialsTrained + finished.Result.TrialsFailed, finished.Result.TrialsCached));
        Assert.Equal(finished.Result.TrialsTrained, finished.TrainedByNode.Values.Sum());
        Assert.Equal(finished, ledger.Finished);
        Assert.Equal("finished", ledger.Status().State);
        Assert.Empty(ledger.PendingTrials);
    }

    [Fact]
    public void Trial_pages_list_settled_trials_by_number_from_an_offset()
    {
        var search = LedgerSpecs.Burger(new Strategy { Grid = new GridSettings() });
        var ledger = new LedgerRun(search, seed: 5).Run(SearchLedger.Start("s", search));

        var first = TrialRecords.Page(ledger, 0);
        var last = TrialRecords.Page(ledger, 30);
        var beyond = TrialRecords.Page(ledger, 1_000);

        Assert.Equal(34, first.Total);
        Assert.Equal(Enumerable.Range(1, 34).Select(n => (long)n), first.Trials.Select(t => t.TrialNumber));
        Assert.Equal((30, 4), (last.Offset, last.Trials.Count));
        Assert.Equal((34, 0), (beyond.Offset, beyond.Trials.Count));
        var trained = first.Trials.First(t => !t.Failed);
        Assert.Equal((0.25, "akka.tcp://layernas@10.0.0"), (trained.Seconds, trained.Worker[..26]));
        Assert.True(trained.Metrics.ContainsKey("test_acc"));
    }
}
