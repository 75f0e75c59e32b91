using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;

namespace LayerNas.Trainers.Tests;

public sealed class SyntheticTrainerTests
{
    [Fact]
    public async Task Answers_with_the_synthetic_reward_of_the_architecture()
    {
        var reward = new SyntheticReward(7);
        await using var trainer = new SyntheticTrainer(reward, Jobs.Space, TimeSpan.Zero);
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
        await using var trainer = new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, TimeSpan.FromHours(1));
        using var cancel = new CancellationTokenSource();
        var training = trainer.TrainAsync(Jobs.For(0, 1), cancel.Token);
        Assert.False(training.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => training);
    }

    [Fact]
    public async Task A_cancelled_job_does_not_start()
    {
        await using var trainer = new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, TimeSpan.Zero);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => trainer.TrainAsync(Jobs.For(0, 1), new CancellationToken(true)));
    }

    [Fact]
    public async Task An_architecture_of_another_space_fails_with_a_reason()
    {
        await using var trainer = new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, TimeSpan.Zero);
        var job = new TrainingJob("s", 1, new Architecture([0, 3]), ["c3", "?"], 1);
        var error = await Assert.ThrowsAsync<TrainerException>(() => trainer.TrainAsync(job, CancellationToken.None));
        Assert.Contains("picks option 3 of layer 'width', which has 3", error.Message);
    }

    [Fact]
    public void Rejects_a_negative_training_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticTrainer(new SyntheticReward(7), Jobs.Space, TimeSpan.FromSeconds(-1)));
    }
}
