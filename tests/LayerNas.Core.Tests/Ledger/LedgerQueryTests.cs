using LayerNas.Core.Ledger;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Ledger;

/// <summary>What a dashboard asks of a ledger: memo tables, trial pages sorted and filtered, chart points.</summary>
public sealed class LedgerQueryTests
{
    private static readonly SearchLedger Burger = new LedgerRun(LedgerSpecs.Burger(), seed: 3).Run(SearchLedger.Start("s", LedgerSpecs.Burger()));

    // Every burger, every fifth failing, trained on three nodes in turn.
    private static readonly SearchLedger Mixed = EveryBurger();

    [Fact]
    public void The_memo_tables_of_the_burger_are_its_depths_with_the_buckets_of_the_depth_asked_for()
    {
        var tables = MemoTables.Of(Burger, depth: 2);

        Assert.True(tables.HasTables);
        Assert.Equal([1, 2, 3], tables.Depths.Select(d => d.Summary.Depth));
        Assert.All(tables.Depths, d => Assert.Equal((4, 4), (d.BucketCount, d.BucketsSettled)));
        Assert.Empty(tables.Depths[0].Buckets);
        Assert.Empty(tables.Depths[2].Buckets);
        var depth2 = tables.Depths[1];
        Assert.Equal((16, 1, 15), (depth2.Summary.Children, depth2.Summary.Pruned, depth2.Summary.Evaluated));
        Assert.Equal(depth2.Summary.Kept, depth2.Buckets.Sum(b => b.Kept.Count));
        Assert.All(depth2.Buckets, bucket =>
        {
            Assert.True(bucket.Settled);
            Assert.True(bucket.CostMin < bucket.CostMax);
            var kept = Assert.Single(bucket.Kept);
            Assert.Equal(2, kept.Prefix.Count);
            Assert.InRange(kept.PrefixCost, bucket.CostMin, bucket.CostMax);
            // The burger's completions are the dearest: the trained architecture is the prefix with truffle.
            Assert.Equal([.. kept.Prefix, "truffle"], kept.Trained);
            var trial = Burger.Trials.Single(t => t.Trial.Number == kept.TrialNumber);
            Assert.Equal((kept.Reward, kept.Cost), (trial.Trial.Outcome!.Reward, trial.Trial.Cost));
        });
        // Each bucket keeps the best reward of the prefixes whose cost falls in it.
        var best = Burger.Trials.Where(t => t.Trial.Succeeded && t.Trial.Architecture[2] == 3)
            .Max(t => t.Trial.Outcome!.Reward);
        Assert.Contains(depth2.Buckets, b => b.Kept[0].Reward == best);
    }

    [Fact]
    public void A_search_with_several_targets_lists_them_and_answers_the_tables_of_the_target_asked_for()
    {
        var spec = LedgerSpecs.Burger().Spec.Clone();
        spec.Target = null;
        spec.Targets.Add(new Target { Max = 6 });
        spec.Targets.Add(new Target { Min = 7, Max = 9 });
        var family = SearchFactory.Compile(spec, Specs.SpecJson.NoTables);
        var ledger = new LedgerRun(family, seed: 5).Run(SearchLedger.Start("f", family));
        var alone = new LedgerRun(LedgerSpecs.Burger(), seed: 5).Run(SearchLedger.Start("s", LedgerSpecs.Burger()));

        var first = MemoTables.Of(ledger, depth: 2, target: 0);
        var second = MemoTables.Of(ledger, depth: 2, target: 1);

        Assert.True(first.HasTables && second.HasTables);
        Assert.Equal([(0.0, 6.0, true), (7.0, 9.0, true)], second.Targets.Select(t => (t.Min, t.Max, t.Started)));
        Assert.Equal((0, 1), (first.Target, second.Target));
        Assert.Equal(3, first.Depths.Count);
        Assert.NotEqual(first.Depths[1].Buckets, second.Depths[1].Buckets);
        // Each target keeps the tables of its separate search: the second target's are the burger's alone.
        var separate = MemoTables.Of(alone, depth: 2);
        Assert.Equal(separate.Depths.Select(d => d.Summary), second.Depths.Select(d => d.Summary));
        Assert.Equal(Kept(separate.Depths[1]), Kept(second.Depths[1]));
        // A target out of range is clamped, not an error: the page only ever asks for those it lists.
        Assert.Equal(1, MemoTables.Of(ledger, 0, target: 9).Target);
    }

    private static IEnumerable<string> Kept(MemoDepth depth) =>
        depth.Buckets.SelectMany(b => b.Kept.Select(k => $"{b.Index}: {string.Join(" ", k.Prefix)} {k.Reward}"));

    [Fact]
    public void A_baseline_keeps_no_memo_tables()
    {
        var grid = LedgerSpecs.Burger(new Strategy { Grid = new GridSettings() });
        var ledger = SearchLedger.Start("g", grid);

        var tables = MemoTables.Of(ledger, 1);

        Assert.False(tables.HasTables);
        Assert.Empty(tables.Depths);
    }

    [Theory]
    [InlineData(TrialSort.Cost)]
    [InlineData(TrialSort.Reward)]
    [InlineData(TrialSort.Seconds)]
    [InlineData(TrialSort.Attempts)]
    [InlineData(TrialSort.Recorded)]
    [InlineData(TrialSort.Worker)]
    [InlineData(TrialSort.Architecture)]
    [InlineData(TrialSort.Number)]
    public void Pages_of_a_sorted_listing_hold_every_trial_once_in_order(TrialSort sort)
    {
        foreach (var descending in new[] { false, true })
        {
            var pages = new List<TrialRecord>();
            var total = int.MaxValue;
            while (pages.Count < total)
            {
                var page = TrialQueries.Run(Mixed, new QueryTrials { Offset = pages.Count, Limit = 7, Sort = sort, Descending = descending });
                total = page.Total;
                Assert.InRange(page.Trials.Count, 1, 7);
                pages.AddRange(page.Trials);
            }

            Assert.Equal(Mixed.Trials.Count, pages.Count);
            Assert.Equal(Mixed.Trials.Select(t => t.Trial.Number).Order(), pages.Select(t => t.TrialNumber).Order());
            for (var i = 1; i < pages.Count; i++)
            {
                Assert.True(InOrder(pages[i - 1], pages[i], sort, descending), $"{sort} {(descending ? "desc" : "asc")}: trial {pages[i - 1].TrialNumber} before {pages[i].TrialNumber}");
            }
        }
    }

    [Fact]
    public void Filters_keep_the_trials_of_a_status_or_whose_options_worker_or_reason_hold_the_text()
    {
        var failed = TrialQueries.Run(Mixed, new QueryTrials { Status = TrialStatusFilter.Failed });
        var trained = TrialQueries.Run(Mixed, new QueryTrials { Status = TrialStatusFilter.Trained });
        var wagyu = TrialQueries.Run(Mixed, new QueryTrials { Text = "WAGYU" });
        var worker = TrialQueries.Run(Mixed, new QueryTrials { Text = "10.0.0.2", Status = TrialStatusFilter.Trained });
        var reason = TrialQueries.Run(Mixed, new QueryTrials { Text = "no luck" });

        Assert.NotEmpty(failed.Trials);
        Assert.Equal(Mixed.Trials.Count, failed.Total + trained.Total);
        Assert.All(failed.Trials, t => Assert.True(t.Failed));
        Assert.All(trained.Trials, t => Assert.False(t.Failed));
        Assert.Equal(Mixed.Trials.Count(t => t.Trial.Architecture[1] == 3), wagyu.Total);
        Assert.All(wagyu.Trials, t => Assert.Equal("wagyu", t.Architecture[1]));
        Assert.All(worker.Trials, t => Assert.Contains("10.0.0.2", t.Worker));
        Assert.Equal(Mixed.Trials.Count(t => t.Worker.Contains("10.0.0.2") && t.Trial.Succeeded), worker.Total);
        Assert.Equal(failed.Total, reason.Total);
    }

    [Fact]
    public void A_page_beyond_the_end_is_empty_and_a_limit_is_at_most_a_page()
    {
        var beyond = TrialQueries.Run(Burger, new QueryTrials { Offset = 1000 });
        var large = TrialQueries.Run(Burger, new QueryTrials { Limit = 100_000 });

        Assert.Empty(beyond.Trials);
        Assert.Equal((Burger.Trials.Count, Burger.Trials.Count), (beyond.Offset, beyond.Total));
        Assert.Equal(Burger.Trials.Count, large.Trials.Count);
    }

    [Fact]
    public void Chart_points_are_the_trained_trials_in_settlement_order_read_page_by_page_from_any_offset()
    {
        var all = TrialPoints.Page(Mixed, 0);
        var later = TrialPoints.Page(Mixed, 5);

        var trained = Mixed.Applied.Where(r => r.Trial.Succeeded).ToList();
        Assert.Equal((0, Mixed.Applied.Count, Mixed.Applied.Count), (all.Offset, all.NextOffset, all.Total));
        Assert.Equal(trained.Select(r => r.Trial.Number), all.TrialNumbers);
        Assert.Equal(trained.Select(r => r.Trial.Cost), all.Costs);
        Assert.Equal(trained.Select(r => r.Trial.Outcome!.Reward), all.Rewards);
        Assert.Equal(Mixed.Applied.Skip(5).Where(r => r.Trial.Succeeded).Select(r => r.Trial.Number), later.TrialNumbers);
    }

    [Fact]
    public void A_failure_keeps_the_tail_of_its_log_through_a_snapshot()
    {
        var search = LedgerSpecs.Burger();
        var ledger = SearchLedger.Start("s", search);
        var failure = new TrialResult { LeaseId = "l", SearchId = "s", TrialNumber = 1, Attempt = 3, Worker = "w", FailureReason = "trainer process exited with code 1", LogTail = "loading\nout of memory" };

        ledger.Apply(Assert.Single(ledger.Decide([failure], 1).Events));
        var restored = LedgerSnapshots.Restore(search, LedgerSnapshots.Of(ledger));

        foreach (var read in new[] { ledger, restored })
        {
            var record = Assert.Single(TrialQueries.Run(read, new QueryTrials { Status = TrialStatusFilter.Failed }).Trials);
            Assert.Equal(("trainer process exited with code 1", "loading\nout of memory", 3), (record.FailureReason, record.LogTail, record.Attempts));
        }
    }

    private static SearchLedger EveryBurger()
    {
        var search = LedgerSpecs.Burger(new Strategy { Grid = new GridSettings() });
        var ledger = SearchLedger.Start("s", search);
        var clock = 1_700_000_000_000L;
        foreach (var trial in ledger.PendingTrials.OrderByDescending(t => t.Number))
        {
            var result = LedgerSpecs.Result(search, trial.Number, trial.Architecture.Choices.ToArray(), $"akka.tcp://layernas@10.0.0.{trial.Number % 3 + 1}:4053/user/workers/slot-1");
            result.Seconds = trial.Number % 4;
            if (trial.Number % 5 == 0)
            {
                result.FailureReason = $"no luck with trial {trial.Number}";
            }
            ledger.Apply(Assert.Single(ledger.Decide([result], clock -= 10).Events));
        }
        return ledger;
    }

    private static bool InOrder(TrialRecord a, TrialRecord b, TrialSort sort, bool descending)
    {
        static int Compare<T>(T x, T y) where T : IComparable<T> => x.CompareTo(y);
        var (missingA, missingB) = sort switch
        {
            TrialSort.Reward or TrialSort.Seconds => (a.Failed, b.Failed),
            TrialSort.Worker => (a.Worker.Length == 0, b.Worker.Length == 0),
            _ => (false, false),
        };
        if (missingA != missingB)
        {
            return missingB;
        }
        var by = sort switch
        {
            TrialSort.Cost => Compare(a.Cost, b.Cost),
            TrialSort.Reward => Compare(a.Reward, b.Reward),
            TrialSort.Seconds => Compare(a.Seconds, b.Seconds),
            TrialSort.Attempts => Compare(a.Attempts, b.Attempts),
            TrialSort.Recorded => Compare(a.RecordedUnixMs, b.RecordedUnixMs),
            TrialSort.Worker => string.CompareOrdinal(a.Worker, b.Worker),
            TrialSort.Architecture => 0,
            _ => Compare(a.TrialNumber, b.TrialNumber),
        };
        by = descending ? -by : by;
        return by < 0 || (by == 0 && (sort == TrialSort.Architecture || sort == TrialSort.Number ? true : a.TrialNumber < b.TrialNumber));
    }
}
