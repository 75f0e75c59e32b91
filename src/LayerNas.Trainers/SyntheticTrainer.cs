using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;

namespace LayerNas.Trainers;

/// <summary>"Trains" an architecture by computing its <see cref="SyntheticReward"/>, after the simulated training time <see cref="SyntheticDuration"/> gives it.</summary>
public sealed class SyntheticTrainer : ITrainer
{
    /// <summary>The longest simulated training time: the longest wait <see cref="Task.Delay(TimeSpan, CancellationToken)"/> accepts; longer ones are cut to it.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly SyntheticReward _reward;
    private readonly SearchSpace _space;
    private readonly SyntheticDuration _duration;

    /// <summary>A trainer answering with <paramref name="reward"/> over <paramref name="space"/> after the time <paramref name="duration"/> gives each architecture.</summary>
    public SyntheticTrainer(SyntheticReward reward, SearchSpace space, SyntheticDuration duration)
    {
        if (!(duration.Seconds >= 0 && duration.SecondsPerCost >= 0 && duration.Jitter is >= 0 and < 1 && duration.Seconds <= MaxDelay.TotalSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"the simulated training time must lie between 0 and {MaxDelay}, its part per cost be ≥ 0 and its jitter in [0, 1)");
        }
        _reward = reward;
        _space = space;
        _duration = duration;
    }

    /// <inheritdoc />
    public async Task<TrialOutcome> TrainAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var reward = _reward.Reward(_space, job.Architecture);
            var seconds = Math.Min(_duration.For(_space, job.Architecture), MaxDelay.TotalSeconds);
            if (seconds > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }
            return TrialOutcome.Of(reward);
        }
        catch (ArgumentException e)
        {
            throw new TrainerException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
