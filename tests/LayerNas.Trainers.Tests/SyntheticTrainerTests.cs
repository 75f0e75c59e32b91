using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;

namespace LayerNas.Trainers.Tests;

public sealed class SyntheticTrainerTests
{
    [Fact]
    public async Task Answers_with_the_synthetic_reward_of_the_architecture()
    {
        var reward = new SyntheticReward(7);
        await using var trainer = new SyntheticTrainer(reward, Jobs.Space, new SyntheticDuration(0));
        foreach (var architecture in Jobs.Space.Enumerate())
        {
            var outcome = await trainer.TrainAsync(new TrainingJob("s", 1, architecture, Jobs.Space.Names(architecture), 1), CancellationToken.None);
            Assert.Equal(reward.Reward(Jobs.Space, architecture), outcome.Reward);
            Assert.Empty(outcome.Metrics);
        }
    }

    [Fact]
    public async Task Simulates_training_time_until_cancelled()
    {
        await using var trainer = new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, new SyntheticDuration(3600));
        using var cancel = new CancellationTokenSource();
        var training = trainer.TrainAsync(Jobs.For(0, 1), cancel.Token);
        Assert.False(training.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => training);
    }

    [Fact]
    public async Task A_cancelled_job_does_not_start()
    {
        await using var trainer = new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, new SyntheticDuration(0));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => trainer.TrainAsync(Jobs.For(0, 1), new CancellationToken(true)));
    }

    [Fact]
    public async Task An_architecture_of_another_space_fails_with_a_reason()
    {
        await using var trainer = new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, new SyntheticDuration(0));
        var job = new TrainingJob("s", 1, new Architecture([0, 3]), ["c3", "?"], 1);
        var error = await Assert.ThrowsAsync<TrainerException>(() => trainer.TrainAsync(job, CancellationToken.None));
        Assert.Contains("picks option 3 of layer 'width', which has 3", error.Message);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, 1)]
    [InlineData(0, 0, -0.1)]
    public void Rejects_a_negative_training_time_or_a_jitter_outside_0_to_1(double seconds, double secondsPerCost, double jitter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, new SyntheticDuration(seconds, secondsPerCost, jitter)));

    [Fact]
    public void Training_time_grows_with_the_architectures_cost_and_jitters_by_a_seeded_factor()
    {
        var plain = new SyntheticDuration(0.5, 0.25);
        var jittered = plain with { Jitter = 0.2, Seed = 3 };
        foreach (var architecture in Jobs.Space.Enumerate())
        {
            var cost = Enumerable.Range(0, architecture.Length).Sum(l => Jobs.Space.Layers[l].Options[architecture[l]].Cost);
            Assert.Equal(0.5 + 0.25 * cost, plain.For(Jobs.Space, architecture), 12);
            Assert.InRange(jittered.For(Jobs.Space, architecture) / plain.For(Jobs.Space, architecture), 0.8, 1.2);
            Assert.Equal(jittered.For(Jobs.Space, architecture), new SyntheticDuration(0.5, 0.25, 0.2, 3).For(Jobs.Space, architecture));
        }
        var factors = Jobs.Space.Enumerate().Select(a => jittered.For(Jobs.Space, a) / plain.For(Jobs.Space, a)).ToList();
        Assert.True(factors.Distinct().Count() > factors.Count / 2, "the jitter differs between architectures");
        Assert.NotEqual(factors, Jobs.Space.Enumerate().Select(a => (jittered with { Seed = 4 }).For(Jobs.Space, a) / plain.For(Jobs.Space, a)));
    }
}
