using LayerNas.Core.Benchmarking;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class TableSearchRunTests
{
    private static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "examples");

    private static BenchmarkTable LoadExample(string path, string key) =>
        BenchmarkTable.Parse(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(ExamplesDir, path)), key);

    private static RunOutcome Run(string csv, long budget, ulong seed = 1)
    {
        var search = TinyTables.Compile(csv);
        var table = TinyTables.Table(csv);
        return TableSearchRun.Run(search, table, TableOptimum.Find(search.Problem, table)!, seed, budget);
    }

    [Fact]
    public void Trials_to_the_optimum_count_every_trial_before_it()
    {
        // The grid trains x:x, x:y, y:x in that order: the optimum y:x is the third trial.
        var outcome = Run(TinyTables.SingleSeed, budget: 10);

        Assert.Equal(new RunOutcome("grid", 1, 10, 3, "y:x", 0.80, 0.75, 3), outcome);
    }

    [Fact]
    public void A_budget_that_ends_before_the_optimum_reaches_nothing_and_answers_the_best_so_far()
    {
        var outcome = Run(TinyTables.SingleSeed, budget: 2);

        Assert.Equal(new RunOutcome("grid", 1, 2, 2, "x:y", 0.70, 0.65, null), outcome);
    }

    [Fact]
    public void Each_run_reads_the_row_its_seed_picks_for_each_architecture()
    {
        var table = TinyTables.Table(TinyTables.TwoSeeds).Table;
        var answers = new HashSet<string>();
        for (var seed = 1UL; seed <= 12; seed++)
        {
            var outcome = Run(TinyTables.TwoSeeds, budget: 10, seed);

            // x:y is worth 0.95 in its first row, more than y:x's 0.80, and 0.45 in its second.
            var expected = table.SeedRow("x:y", seed) == 0 ? "x:y" : "y:x";
            Assert.Equal(expected, outcome.BestKey);
            Assert.Equal(table.Value(expected, "test", table.SeedRow(expected, seed)), outcome.BestMetric);
            Assert.Equal(3, outcome.TrialsToOptimum);
            answers.Add(outcome.BestKey!);
        }
        Assert.Equal(2, answers.Count);
    }

    [Fact]
    public void A_missing_key_or_empty_reward_fails_the_trial_and_the_search_goes_on()
    {
        const string csv = """
            arch,val,test
            x:y,,0.65
            y:x,0.80,0.75
            y:y,0.99,0.98
            """;
        var search = TinyTables.Compile(csv);
        var table = TinyTables.Table(csv);
        var optimum = TableOptimum.Find(search.Problem, table)!;

        var outcome = TableSearchRun.Run(search, table, optimum, 1, 10);

        Assert.Equal(new RunOutcome("grid", 1, 10, 3, "y:x", 0.80, 0.75, 3), outcome);
    }

    [Fact]
    public void LayerNas_cut_off_by_its_budget_answers_with_the_best_feasible_trial_so_far()
    {
        var spec = SpecParser.Parse(File.ReadAllText(Path.Combine(ExamplesDir, "cnn-table.json")));
        var search = SearchFactory.Compile(spec, LoadExample);
        var table = new ComparisonTable(LoadExample("tables/cnn4x4.csv", "arch"), "val_acc", "test_acc");
        var optimum = TableOptimum.Find(search.Problem, table)!;

        // Completed with the dearest options (x:32:32:32), depth 1's four children all lie above the target; completed
        // feasibly (the default), each is a candidate answer.
        spec.Strategy.Layernas.Completion = "most-expensive";
        var dearest = TableSearchRun.Run(SearchFactory.Compile(spec, LoadExample), table, optimum, 1, 4);
        var depthOne = TableSearchRun.Run(search, table, optimum, 1, 4);
        var cut = TableSearchRun.Run(search, table, optimum, 1, 12);
        var whole = TableSearchRun.Run(search, table, optimum, 1, 10_000);

        Assert.Equal(new RunOutcome("layernas", 1, 4, 4, null, null, null, null), dearest);
        Assert.NotNull(depthOne.BestKey);
        Assert.True(depthOne.BestReward <= cut.BestReward);
        Assert.Equal(12, cut.Trials);
        Assert.NotNull(cut.BestKey);
        Assert.True(search.Problem.Target.Contains(table.Table.Value(cut.BestKey!, "macs")!.Value));
        Assert.True(whole.Trials < 10_000);
        Assert.True(cut.BestReward <= whole.BestReward);
    }
}
