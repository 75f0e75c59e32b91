using LayerNas.Core.Benchmarking;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class TableOptimumTests
{
    [Fact]
    public void The_optimum_is_the_best_reward_inside_the_target()
    {
        var search = TinyTables.Compile(TinyTables.SingleSeed);

        var optimum = TableOptimum.Find(search.Problem, TinyTables.Table(TinyTables.SingleSeed))!;

        Assert.Equal("y:x", optimum.Key);
        Assert.Equal(new Architecture([1, 0]), optimum.Architecture);
        Assert.Equal((3.0, 0.80, (double?)0.75), (optimum.Cost, optimum.Reward, optimum.Metric));
        Assert.Equal(new[] { new Architecture([1, 0]) }, optimum.Optima);
    }

    [Fact]
    public void Rewards_and_metrics_are_means_over_training_seeds()
    {
        var search = TinyTables.Compile(TinyTables.TwoSeeds);

        var optimum = TableOptimum.Find(search.Problem, TinyTables.Table(TinyTables.TwoSeeds))!;

        Assert.Equal("y:x", optimum.Key);
        Assert.Equal(0.80, optimum.Reward, 12);
        Assert.Equal(0.80, optimum.Metric!.Value, 12);
    }

    [Fact]
    public void Ties_pick_the_cheapest_and_keep_every_tied_architecture()
    {
        const string csv = """
            arch,val,test
            x:x,0.80,0.10
            x:y,0.80,0.20
            y:x,0.70,0.30
            y:y,0.99,0.98
            """;
        var search = TinyTables.Compile(csv);

        var optimum = TableOptimum.Find(search.Problem, TinyTables.Table(csv))!;

        Assert.Equal(("x:x", (double?)0.10), (optimum.Key, optimum.Metric));
        Assert.Equal(2, optimum.Optima.Count);
        Assert.Contains(new Architecture([0, 1]), optimum.Optima);
    }

    [Fact]
    public void Keys_outside_the_space_and_empty_rewards_are_ignored()
    {
        const string csv = """
            arch,val,test
            x:x,0.60,0.50
            x:y,,0.65
            y:x,0.55,0.75
            y:y,0.99,0.98
            z:x,1.00,1.00
            x,1.00,1.00
            """;
        var search = TinyTables.Compile(csv);

        var optimum = TableOptimum.Find(search.Problem, TinyTables.Table(csv))!;

        Assert.Equal("x:x", optimum.Key);
    }

    [Fact]
    public void No_reward_in_the_target_means_no_optimum()
    {
        const string csv = """
            arch,val,test
            x:x,,0.50
            x:y,,0.65
            y:x,,0.75
            y:y,0.99,0.98
            """;
        var search = TinyTables.Compile(csv);

        Assert.Null(TableOptimum.Find(search.Problem, TinyTables.Table(csv)));
    }
}
