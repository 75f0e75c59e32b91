using Google.Protobuf;
using LayerNas.Core.Ledger;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

public sealed class LedgerSnapshotTests
{
    [Fact]
    public void A_ledger_restored_from_its_snapshot_answers_as_the_original_and_goes_on_to_the_same_result()
    {
        var search = LedgerSpecs.Burger();
        var live = new LedgerRun(search, seed: 1).Run(SearchLedger.Start("s", search), stopAfter: 12);

        var snapshot = LedgerSnapshots.Of(live);
        var restored = LedgerSnapshots.Restore(search, SearchLedgerSnapshot.Parser.ParseFrom(snapshot.ToByteArray()));

        Assert.Equal(live.Status(), restored.Status());
        Assert.Equal(TrialRecords.Page(live, 0), TrialRecords.Page(restored, 0));
        Assert.Equal(live.PendingTrials, restored.PendingTrials);
        Assert.Equal(snapshot, LedgerSnapshots.Of(restored));
        var end = new LedgerRun(search, seed: 2).Run(restored).Finished!;
        Assert.Equal(new LedgerRun(search, seed: 9).Run(SearchLedger.Start("s", search)).Finished!.Result, end.Result);
    }

    [Fact]
    public void A_snapshot_stores_each_worker_and_metric_name_once()
    {
        var search = LedgerSpecs.Burger(new Strategy { Grid = new GridSettings() });
        var ledger = new LedgerRun(search, seed: 4).Run(SearchLedger.Start("s", search));

        var snapshot = LedgerSnapshots.Of(ledger);

        Assert.Equal(ledger.Applied.Count, snapshot.Trials.Count);
        Assert.Equal(ledger.Applied.Select(r => r.Worker).Where(w => w.Length > 0).Distinct().Count(), snapshot.Workers.Count);
        Assert.Equal(["test_acc"], snapshot.MetricNames);
        Assert.Equal(ledger.Finished, snapshot.Finished);
        Assert.Equal(ledger.Applied.Select(r => r.Trial.Number), snapshot.Trials.Select(t => t.TrialNumber));
    }

    [Fact]
    public void A_snapshot_of_the_earlier_release_is_restored_by_trial_number()
    {
        var search = LedgerSpecs.Burger();
        var run = new LedgerRun(search, seed: 6);
        var live = run.Run(SearchLedger.Start("s", search), stopAfter: 10);
        // That release kept completions and failures in two unordered lists.
        var legacy = new SearchCoordinatorSnapshot
        {
            Completed = { run.Journal.OfType<TrialCompleted>().Reverse() },
            Failed = { run.Journal.OfType<TrialFailed>() },
        };

        var restored = LedgerSnapshots.Restore("s", search, legacy);

        Assert.Equal(live.Status(), restored.Status());
        Assert.Equal(live.PendingTrials, restored.PendingTrials);
    }
}
