using LayerNas.Core.Search;

namespace LayerNas.Trainers;

/// <summary>Turns an architecture into a reward. One instance serves one worker slot, one trial at a time.</summary>
public interface ITrainer : IAsyncDisposable
{
    /// <summary>Trains a trial; throws <see cref="TrainerException"/> with a readable reason when it fails.</summary>
    Task<TrialOutcome> TrainAsync(TrainingJob job, CancellationToken cancellationToken);
}
