using System.Collections.Concurrent;
using LayerNas.Cluster.Workers;
using LayerNas.Core.Search;
using LayerNas.Protocol.V1;
using LayerNas.Trainers;

namespace LayerNas.Cluster.Tests.Support;

/// <summary>Every training attempt the test trainers made, shared across actor systems of one test.</summary>
internal sealed class TrainingLog
{
    public ConcurrentQueue<TrainingJob> Jobs { get; } = new();

    public int Count => Jobs.Count;

    public IReadOnlyList<string> Keys(string searchId) => [.. Jobs.Where(j => j.SearchId == searchId).Select(j => j.Architecture.ToString())];
}

/// <summary>A deterministic trainer: the reward is a fixed function of the architecture; it can wait, fail or hang on request.</summary>
internal sealed class RecordingTrainer(TrainingLog log, TimeSpan delay, Func<TrainingJob, Exception?>? failure = null) : ITrainer
{
    public static double Reward(IReadOnlyList<int> architecture)
    {
        // A fixed pseudo-random value per architecture, with interactions between neighbouring layers.
        var value = 0.0;
        for (var i = 0; i < architecture.Count; i++)
        {
            var mixed = (uint)((architecture[i] + 1) * 2654435761u ^ (uint)(i + 7) * 40503u ^ (uint)(i > 0 ? architecture[i - 1] * 97 : 0));
            value += (mixed % 1000) / 1000.0;
        }
        return Math.Round(value / architecture.Count, 6);
    }

    public static TrainerProvider Provider(TrainingLog log, TimeSpan delay, Func<TrainingJob, Exception?>? failure = null) =>
        (_, _) => new RecordingTrainer(log, delay, failure);

    public async Task<TrialOutcome> TrainAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        log.Jobs.Enqueue(job);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }
        if (failure?.Invoke(job) is { } error)
        {
            throw error;
        }
        return TrialOutcome.Of(Reward(job.Architecture.Choices.ToArray()));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
