using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;

namespace LayerNas.Trainers;

/// <summary>"Trains" an architecture by computing its <see cref="SyntheticReward"/>, optionally after a simulated training time.</summary>
public sealed class SyntheticTrainer : ITrainer
{
    /// <summary>The longest simulated training time: the longest wait <see cref="Task.Delay(TimeSpan, CancellationToken)"/> accepts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly SyntheticReward _reward;
    private readonly SearchSpace _space;
    private readonly TimeSpan _delay;

    /// <summary>A trainer answering with <paramref name="reward"/> over <paramref name="space"/> after waiting <paramref name="delay"/> per trial.</summary>
    public SyntheticTrainer(SyntheticReward reward, SearchSpace space, TimeSpan delay)
    {
        if (delay < TimeSpan.Zero || delay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"the simulated training time must lie between 0 and {MaxDelay}");
        }
        _reward = reward;
        _space = space;
        _delay = delay;
    }

    /// <inheritdoc />
    public async Task<TrialOutcome> TrainAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_delay > TimeSpan.Zero)
        {
            await Task.Delay(_delay, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            return TrialOutcome.Of(_reward.Reward(_space, job.Architecture));
        }
        catch (ArgumentException e)
        {
            throw new TrainerException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
