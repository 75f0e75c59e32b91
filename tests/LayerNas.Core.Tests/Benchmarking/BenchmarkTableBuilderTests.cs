using LayerNas.Core.Benchmarking;
using LayerNas.Core.Costs;
using LayerNas.Core.Costs.ConvMacs;
using LayerNas.Core.Space;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Tests.Benchmarking;

public sealed class BenchmarkTableBuilderTests
{
    private static readonly SearchSpace Nats = BuiltInSpaces.NatsSize([8, 16], layers: 2);
    private static readonly ConvMacsCostModel Conv = ConvMacsCostModel.Create(new ConvMacsCost { Space = "nats-size" }, Nats);

    [Fact]
    public void A_conv_macs_table_has_the_models_params_and_macs_the_reward_every_metric_and_the_times_one_row_per_architecture()
    {
        var trials = Nats.Enumerate().Select((a, i) => Trained(Nats, a, i + 1, reward: 0.1 + i / 3.0, seconds: 2.5 + i, new()
        {
            ["test_acc"] = 0.3 + i / 7.0,
            ["latency_ms"] = 0.123456789 * (i + 1),
            ["params"] = Conv.Figures(a).Params,
            ["macs"] = Conv.Figures(a).Macs,
            ["train_seconds"] = 1.25 * (i + 1),
        })).ToList();

        var table = BenchmarkTableBuilder.Build(Nats, Conv, [new SeedTrials(null, trials)]);

        var parsed = BenchmarkTable.Parse(table.Csv, "arch");
        Assert.Equal(["arch", "params", "macs", "val_acc", "latency_ms", "test_acc", "train_seconds", "trial_seconds"], parsed.Header.ToArray());
        Assert.Equal((4, 4), (table.Rows, parsed.RowCount));
        Assert.Empty(table.Missing);
        foreach (var (architecture, trial) in Nats.Enumerate().Zip(trials))
        {
            var key = Nats.Key(architecture);
            Assert.Equal(Conv.Figures(architecture).Params, parsed.Value(key, "params"));
            Assert.Equal(Conv.Figures(architecture).Macs, parsed.Value(key, "macs"));
            Assert.Equal(trial.Reward, parsed.Value(key, "val_acc"));
            Assert.Equal(trial.Metrics["test_acc"], parsed.Value(key, "test_acc"));
            Assert.Equal(trial.Metrics["latency_ms"], parsed.Value(key, "latency_ms"));
            Assert.Equal(trial.Metrics["train_seconds"], parsed.Value(key, "train_seconds"));
            Assert.Equal(trial.Seconds, parsed.Value(key, "trial_seconds"));
        }
        Assert.StartsWith("8:8,", table.Csv.Split('\n')[1]);
    }

    [Fact]
    public void Other_cost_models_give_a_cost_column_and_a_trainer_without_a_training_time_gets_the_trials_wall_clock_time()
    {
        var space = TestSpaces.Burger();
        var model = new AdditiveCostModel(space);
        var trials = space.Enumerate().Select((a, i) => Trained(space, a, i + 1, reward: i, seconds: 0.5 * i, new())).ToList();

        var table = BenchmarkTableBuilder.Build(space, model, [new SeedTrials(null, trials)]);

        var parsed = BenchmarkTable.Parse(table.Csv, "arch");
        Assert.Equal(["arch", "cost", "val_acc", "train_seconds", "trial_seconds"], parsed.Header.ToArray());
        var last = space.Enumerate().Last();
        Assert.Equal(model.Cost(last), parsed.Value(space.Key(last), "cost"));
        Assert.Equal(0.5 * 63, parsed.Value(space.Key(last), "train_seconds"));
    }

    [Fact]
    public void Several_seeds_give_one_row_per_architecture_and_seed_with_a_seed_column()
    {
        var space = TestSpaces.Burger();
        var runs = new[] { 7L, 3L }.Select(seed => new SeedTrials(seed,
            [.. space.Enumerate().Select((a, i) => Trained(space, a, i + 1, reward: seed * 100 + i, seconds: 1, new()))])).ToList();

        var table = BenchmarkTableBuilder.Build(space, new AdditiveCostModel(space), runs);

        var parsed = BenchmarkTable.Parse(table.Csv, "arch");
        Assert.Equal(128, table.Rows);
        Assert.Equal("seed", parsed.Header[1]);
        var key = space.Key(space.Enumerate().Skip(5).First());
        Assert.Equal(2, parsed.RowsFor(key));
        Assert.Equal((7.0, 705.0), (parsed.Value(key, "seed", 0)!.Value, parsed.Value(key, "val_acc", 0)!.Value));
        Assert.Equal((3.0, 305.0), (parsed.Value(key, "seed", 1)!.Value, parsed.Value(key, "val_acc", 1)!.Value));
    }

    [Fact]
    public void Architectures_that_failed_or_never_trained_are_missing_from_the_rows_and_named()
    {
        var space = TestSpaces.Burger();
        var all = space.Enumerate().ToList();
        var trials = all.Skip(2).Select((a, i) => Trained(space, a, i + 1, reward: 1, seconds: 1, new())).ToList();
        trials.Add(new TrialRecord { TrialNumber = 99, Architecture = { space.Names(all[0]) }, Failed = true, FailureReason = "out of memory", Attempts = 3 });

        var table = BenchmarkTableBuilder.Build(space, new AdditiveCostModel(space), [new SeedTrials(null, trials)]);

        Assert.Equal(62, table.Rows);
        Assert.Equal(["plain:bean:lettuce (failed after 3 attempts: out of memory)", "plain:bean:cheddar (not trained)"], table.Missing);
        Assert.Equal(0, BenchmarkTable.Parse(table.Csv, "arch").RowsFor("plain:bean:lettuce"));
    }

    [Fact]
    public void A_trainer_whose_measured_params_differ_from_the_conv_macs_model_is_refused()
    {
        var trials = Nats.Enumerate().Select((a, i) => Trained(Nats, a, i + 1, 0.5, 1, new() { ["params"] = Conv.Figures(a).Params + (i == 3 ? 1 : 0) })).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => BenchmarkTableBuilder.Build(Nats, Conv, [new SeedTrials(null, trials)]));

        Assert.Contains($"params {Conv.Figures(Nats.Enumerate().Last()).Params + 1} for 16:16", error.Message);
    }

    [Theory]
    [InlineData("val_acc")]
    [InlineData("trial_seconds")]
    [InlineData("cost")]
    public void A_metric_named_like_one_of_the_tables_own_columns_is_refused(string metric)
    {
        var space = TestSpaces.Burger();
        var trials = space.Enumerate().Select((a, i) => Trained(space, a, i + 1, 1, 1, new() { [metric] = 1 })).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => BenchmarkTableBuilder.Build(space, new AdditiveCostModel(space), [new SeedTrials(null, trials)]));

        Assert.Contains($"'{metric}'", error.Message);
    }

    [Fact]
    public void An_option_name_a_csv_cell_cannot_hold_is_refused_with_its_path()
    {
        var spec = new SearchSpec { Layers = { new Layer { Name = "a", Options = { new Protocol.V1.LayerOption { Name = "x" }, new Protocol.V1.LayerOption { Name = "y,z" } } } } };

        var error = Assert.Throws<SpecException>(() => BenchmarkTableBuilder.CheckOptionNames(spec));

        Assert.Equal("$.layers[0].options[1].name", error.JsonPath);
    }

    private static TrialRecord Trained(SearchSpace space, Architecture architecture, long number, double reward, double seconds, Dictionary<string, double> metrics) => new()
    {
        TrialNumber = number,
        Architecture = { space.Names(architecture) },
        Reward = reward,
        Metrics = { metrics },
        Seconds = seconds,
        Worker = "slot-1",
    };
}
