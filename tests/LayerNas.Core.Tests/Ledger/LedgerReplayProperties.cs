using CsCheck;
using LayerNas.Core.Ledger;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.Ledger;

/// <summary>Replay = live: a ledger rebuilt from any prefix of its journal, through a snapshot or not, is the ledger that wrote it, and the rest of the results take it to the same end.</summary>
public sealed class LedgerReplayProperties
{
    private static readonly Gen<(int Spec, int Order, double Crash, double Snapshot, int Resume)> Cases =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 1_000_000]);

    [Fact]
    public void A_ledger_rebuilt_from_any_journal_prefix_and_fed_the_rest_of_the_results_ends_as_the_live_one()
    {
        Cases.Sample((specSeed, orderSeed, crash, snapshotAt, resumeSeed) =>
        {
            var search = LedgerSpecs.Random(new Random(specSeed));
            var liveRun = new LedgerRun(search, orderSeed);
            var live = liveRun.Run(SearchLedger.Start("s", search));
            var journal = liveRun.Journal;

            // Crash after k events; the coordinator had snapshotted after j ≤ k of them.
            var k = (int)(crash * journal.Count);
            var j = (int)(snapshotAt * k);
            var beforeSnapshot = Replay(search, journal.Take(j));
            var rebuilt = LedgerSnapshots.Restore(search, LedgerSnapshots.Of(beforeSnapshot));
            foreach (var @event in journal.Skip(j).Take(k - j))
            {
                rebuilt.Apply(@event);
            }
            var atCrash = Replay(search, journal.Take(k));

            Assert.Equal(atCrash.Status(), rebuilt.Status());
            Assert.Equal(atCrash.PendingTrials, rebuilt.PendingTrials);
            Assert.Equal(LedgerSnapshots.Of(atCrash), LedgerSnapshots.Of(rebuilt));
            var resumed = new LedgerRun(search, resumeSeed).Run(rebuilt);
            Assert.Equal(live.Finished!.Result, resumed.Finished!.Result);
        }, iter: 300);
    }

    [Fact]
    public void Replaying_a_whole_journal_rebuilds_the_live_ledger_exactly()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000]).Sample((specSeed, orderSeed) =>
        {
            var search = LedgerSpecs.Random(new Random(specSeed));
            var run = new LedgerRun(search, orderSeed);
            var live = run.Run(SearchLedger.Start("s", search));

            var replayed = Replay(search, run.Journal);

            Assert.Equal(LedgerSnapshots.Of(live), LedgerSnapshots.Of(replayed));
            Assert.Equal(live.Status(), replayed.Status());
        }, iter: 200);
    }

    private static SearchLedger Replay(CompiledSearch search, IEnumerable<Google.Protobuf.IMessage> events)
    {
        var ledger = SearchLedger.Start("s", search);
        foreach (var @event in events)
        {
            ledger.Apply(@event);
        }
        return ledger;
    }
}
