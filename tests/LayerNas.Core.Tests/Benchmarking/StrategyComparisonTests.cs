using System.Globalization;
using LayerNas.Core.Benchmarking;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class StrategyComparisonTests
{
    private static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "examples");

    private static BenchmarkTable LoadExample(string path, string key) =>
        BenchmarkTable.Parse(File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(ExamplesDir, path)), key);

    private static SearchSpec ExampleSpec => SpecParser.Parse(File.ReadAllText(Path.Combine(ExamplesDir, "cnn-table.json")));

    private static ComparisonPlan SmallPlan(int parallelism = 1) => new(ComparisonPlan.DefaultStrategies, [20, 10], 5, parallelism);

    [Fact]
    public void Same_seeds_give_the_same_report_whatever_the_parallelism()
    {
        var first = StrategyComparison.Run(ExampleSpec, LoadExample, SmallPlan(1));
        var second = StrategyComparison.Run(ExampleSpec, LoadExample, SmallPlan(2));

        Assert.Equal(first.Rows.ToArray(), second.Rows.ToArray());
        Assert.Equal(first.Outcomes.ToArray(), second.Outcomes.ToArray());
        Assert.Equal([10L, 20L], first.Budgets.ToArray());
        Assert.Equal(10, first.Rows.Length);
        // Different seeds do search differently: the random runs do not all answer the same.
        Assert.True(first.Outcomes.Where(o => o.Strategy == "random").Select(o => o.BestKey).Distinct().Count() > 1);
    }

    [Fact]
    public void On_a_single_seed_table_LayerNas_runs_once_per_budget_and_the_baselines_every_seed()
    {
        var report = StrategyComparison.Run(ExampleSpec, LoadExample, SmallPlan());

        Assert.True(report.SingleSeedTable);
        Assert.Equal(["layernas"], report.Deterministic.ToArray());
        Assert.All(report.Budgets, budget =>
        {
            Assert.Equal(1, report.Row(budget, "layernas").Runs);
            Assert.Equal(5, report.Row(budget, "random").Runs);
            Assert.Equal(5, report.Row(budget, "evolution").Runs);
            Assert.Equal(5, report.Row(budget, "reinforce").Runs);
            Assert.Equal(5, report.Row(budget, "ppo").Runs);
        });
        Assert.All(report.Outcomes, o => Assert.True(o.Trials <= o.Budget));
    }

    [Fact]
    public void The_optimum_is_the_example_table_s_best_validation_accuracy_within_the_mac_budget()
    {
        var expected = File.ReadAllLines(Path.Combine(ExamplesDir, "tables", "cnn4x4.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => double.Parse(cells[2], CultureInfo.InvariantCulture) <= 2_000_000)
            .MaxBy(cells => double.Parse(cells[3], CultureInfo.InvariantCulture))!;

        var report = StrategyComparison.Run(ExampleSpec, LoadExample, new ComparisonPlan(["random"], [5], 1));

        Assert.Equal(expected[0], report.Optimum.Key);
        Assert.Equal(double.Parse(expected[3], CultureInfo.InvariantCulture), report.Optimum.Reward);
        Assert.Equal(double.Parse(expected[4], CultureInfo.InvariantCulture), report.Optimum.Metric);
        Assert.Equal(("val_acc", "test_acc"), (report.RewardColumn, report.Metric));
    }

    [Fact]
    public void Rows_summarise_the_runs_of_their_budget_and_strategy()
    {
        var report = StrategyComparison.Run(TinyTables.Spec(), TinyTables.Loader(TinyTables.TwoSeeds), new ComparisonPlan(["grid", "random"], [2, 3], 4));

        // The grid takes no seed, but on a two-seed table each run reads other rows: every seed runs.
        Assert.Empty(report.Deterministic);
        Assert.False(report.SingleSeedTable);
        foreach (var row in report.Rows)
        {
            var runs = report.Outcomes.Where(o => o.Budget == row.Budget && o.Strategy == row.Strategy).ToList();
            Assert.Equal(4, runs.Count);
            Assert.Equal(StrategyComparison.Summarise(row.Budget, row.Strategy, runs), row);
        }
        // Within 3 trials every run trains all three feasible architectures, the optimum y:x third.
        Assert.Equal(new ComparisonRow(3, "grid", 4, 3, 4, report.Row(3, "grid").Metric, 1.0, 3), report.Row(3, "grid"));
        Assert.Equal(0, report.Row(2, "grid").ReachedOptimum);
    }

    [Fact]
    public void Summaries_take_means_and_quartiles_over_answered_runs_and_medians_over_runs_that_reached_the_optimum()
    {
        RunOutcome Outcome(double? metric, long? trialsToOptimum, long trials = 50) =>
            new("random", 1, 50, trials, metric is null ? null : "k", metric, metric, trialsToOptimum);

        var row = StrategyComparison.Summarise(50, "random",
            [Outcome(1, 40), Outcome(2, null, 30), Outcome(3, 10), Outcome(4, 21), Outcome(null, null, 45)]);

        Assert.Equal(new ComparisonRow(50, "random", 5, 45, 4, new Spread(4, 2.5, 1.75, 2.5, 3.25), 0.6, 21), row);
    }

    [Fact]
    public void The_spec_s_own_strategy_plays_no_part_even_when_it_lacks_a_trial_budget()
    {
        var spec = TinyTables.Spec("{\"random\": {}}");

        var report = StrategyComparison.Run(spec, TinyTables.Loader(TinyTables.SingleSeed), new ComparisonPlan(["grid"], [3], 2));

        Assert.Equal(new RunOutcome("grid", 1, 3, 3, "y:x", 0.80, 0.75, 3), Assert.Single(report.Outcomes));
    }

    [Fact]
    public void A_spec_without_a_tabular_trainer_cannot_be_compared()
    {
        var spec = TinyTables.Spec(trainer: "{\"synthetic\": {\"seed\": 1}}");

        var error = Assert.Throws<SpecException>(() => StrategyComparison.Run(spec, TinyTables.Loader(TinyTables.SingleSeed), SmallPlan()));

        Assert.Equal("$.trainer: a comparison needs a table-backed spec: the trainer is synthetic, not tabular", error.Message);
    }

    [Fact]
    public void A_tabular_trainer_without_a_metric_cannot_be_compared()
    {
        var spec = TinyTables.Spec(metrics: "[]");

        var error = Assert.Throws<SpecException>(() => StrategyComparison.Run(spec, TinyTables.Loader(TinyTables.SingleSeed), SmallPlan()));

        Assert.Equal("$.trainer.tabular.metrics", error.JsonPath);
    }

    [Fact]
    public void An_unknown_strategy_is_named()
    {
        var plan = new ComparisonPlan(["random", "hillclimb"], [10], 2);

        var error = Assert.Throws<SpecException>(() => StrategyComparison.Run(TinyTables.Spec(), TinyTables.Loader(TinyTables.SingleSeed), plan));

        Assert.StartsWith("unknown strategy 'hillclimb'", error.Message);
    }

    [Theory]
    [InlineData(new string[0], new long[] { 10 }, 1, "a comparison needs at least one strategy")]
    [InlineData(new[] { "random", "random" }, new long[] { 10 }, 1, "strategy 'random' is named twice")]
    [InlineData(new[] { "random" }, new long[0], 1, "a comparison needs at least one budget")]
    [InlineData(new[] { "random" }, new long[] { 10, 0 }, 1, "budget 0 is not a positive number of trials")]
    [InlineData(new[] { "random" }, new long[] { 10, 10 }, 1, "budget 10 is named twice")]
    [InlineData(new[] { "random" }, new long[] { 10 }, 0, "runs must be at least 1, not 0")]
    public void Plans_that_cannot_run_are_refused(string[] strategies, long[] budgets, int runs, string message)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            StrategyComparison.Run(TinyTables.Spec(), TinyTables.Loader(TinyTables.SingleSeed), new ComparisonPlan(strategies, budgets, runs)));

        Assert.Equal(message, error.Message);
    }
}
