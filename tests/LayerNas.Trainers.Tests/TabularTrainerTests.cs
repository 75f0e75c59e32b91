using LayerNas.Core.Costs;

namespace LayerNas.Trainers.Tests;

public sealed class TabularTrainerTests
{
    // Two training seeds for most architectures; c5:w64 has one row, c5:w32 an empty accuracy, c3:w64 is missing.
    private static readonly BenchmarkTable Table = BenchmarkTable.Parse(
        """
        arch,seed,acc,loss,params
        c3:w16,0,0.80,8.0,100
        c3:w16,1,0.90,9.0,100
        c3:w32,0,0.70,7.0,
        c3:w32,1,0.60,6.0,
        c5:w16,0,0.50,,300
        c5:w16,1,0.55,,300
        c5:w32,0,,1.0,400
        c5:w64,0,0.95,9.5,500
        """,
        "arch");

    [Fact]
    public async Task Without_a_seed_reads_the_mean_over_training_seeds()
    {
        await using var trainer = new TabularTrainer(Table, "acc", ["loss", "params"], seed: null);
        var outcome = await trainer.TrainAsync(Jobs.For(0, 0), CancellationToken.None);
        Assert.Equal(0.85, outcome.Reward, 12);
        Assert.Equal(8.5, outcome.Metrics["loss"], 12);
        Assert.Equal(100, outcome.Metrics["params"], 12);
        Assert.Equal(0.95, (await trainer.TrainAsync(Jobs.For(1, 2), CancellationToken.None)).Reward, 12);
    }

    [Fact]
    public async Task With_a_seed_reads_one_row_chosen_by_the_seed_and_key()
    {
        var picked = new HashSet<double>();
        for (var seed = 0UL; seed < 16; seed++)
        {
            await using var trainer = new TabularTrainer(Table, "acc", ["loss"], seed);
            var outcome = await trainer.TrainAsync(Jobs.For(0, 0), CancellationToken.None);
            Assert.Contains(outcome.Reward, new[] { 0.80, 0.90 });
            // Every value of one trial comes from the same row: loss is ten times acc in this table.
            Assert.Equal(outcome.Reward * 10, outcome.Metrics["loss"], 12);
            Assert.Equal(outcome, await trainer.TrainAsync(Jobs.For(0, 0), CancellationToken.None), new OutcomeComparer());
            picked.Add(outcome.Reward);
        }
        Assert.Equal(2, picked.Count);
    }

    [Fact]
    public async Task An_empty_metric_is_left_out()
    {
        await using var trainer = new TabularTrainer(Table, "acc", ["loss", "params"], seed: null);
        var outcome = await trainer.TrainAsync(Jobs.For(0, 1), CancellationToken.None);
        Assert.Equal(0.65, outcome.Reward, 12);
        Assert.Equal(["loss"], outcome.Metrics.Keys);
        Assert.Equal(["params"], (await trainer.TrainAsync(Jobs.For(1, 0), CancellationToken.None)).Metrics.Keys);
    }

    [Fact]
    public async Task A_missing_key_fails_with_a_reason()
    {
        await using var trainer = new TabularTrainer(Table, "acc", [], seed: null);
        var error = await Assert.ThrowsAsync<TrainerException>(() => trainer.TrainAsync(Jobs.For(0, 2), CancellationToken.None));
        Assert.Equal("the table has no row for 'c3:w64'", error.Message);
    }

    [Fact]
    public async Task An_empty_reward_fails_with_a_reason()
    {
        await using var trainer = new TabularTrainer(Table, "acc", [], seed: 3);
        var error = await Assert.ThrowsAsync<TrainerException>(() => trainer.TrainAsync(Jobs.For(1, 1), CancellationToken.None));
        Assert.Equal("the table's 'acc' is empty for 'c5:w32'", error.Message);
    }

    [Fact]
    public void Unknown_columns_are_refused_up_front()
    {
        Assert.Equal("the table has no column 'top1'",
            Assert.Throws<TrainerException>(() => new TabularTrainer(Table, "top1", [], null)).Message);
        Assert.Contains("no column 'flops'", Assert.Throws<TrainerException>(() => new TabularTrainer(Table, "acc", ["flops"], null)).Message);
    }

    private sealed class OutcomeComparer : IEqualityComparer<Core.Search.TrialOutcome>
    {
        public bool Equals(Core.Search.TrialOutcome? x, Core.Search.TrialOutcome? y) =>
            x!.Reward == y!.Reward && x.Metrics.SequenceEqual(y.Metrics);

        public int GetHashCode(Core.Search.TrialOutcome obj) => obj.Reward.GetHashCode();
    }
}
