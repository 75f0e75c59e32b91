using System.Collections.Immutable;
using LayerNas.Core.Costs;
using LayerNas.Core.Search;

namespace LayerNas.Trainers;

/// <summary>
/// "Trains" an architecture by looking it up in a benchmark table, NATS-Bench style: one call answers in microseconds
/// what training would have taken hours to, so strategies can be compared on real results.
/// </summary>
/// <remarks>
/// The row key is the job's option names joined by ':' (<see cref="Core.Space.SearchSpace.Key"/>). A table may hold
/// several rows per key, one per training seed. Without a seed the reward and each metric are the mean of that
/// column's non-empty cells over the key's rows. With a seed one row stands for the training run
/// (<see cref="BenchmarkTable.SeedRow"/>) and every value comes from it.
/// A missing key or an empty reward fails the trial with a readable reason; an empty metric is left out.
/// </remarks>
public sealed class TabularTrainer : ITrainer
{
    private readonly BenchmarkTable _table;
    private readonly string _rewardColumn;
    private readonly ImmutableArray<string> _metrics;
    private readonly ulong? _seed;

    /// <summary>A trainer reading <paramref name="rewardColumn"/> and <paramref name="metrics"/>; <paramref name="seed"/> picks one row per key instead of the mean.</summary>
    public TabularTrainer(BenchmarkTable table, string rewardColumn, IReadOnlyList<string> metrics, ulong? seed)
    {
        foreach (var column in metrics.Prepend(rewardColumn))
        {
            if (!table.HasColumn(column))
            {
                throw new TrainerException($"the table has no column '{column}'");
            }
        }
        _table = table;
        _rewardColumn = rewardColumn;
        _metrics = [.. metrics];
        _seed = seed;
    }

    /// <inheritdoc />
    public Task<TrialOutcome> TrainAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = string.Join(':', job.OptionNames);
        if (_table.RowsFor(key) == 0)
        {
            throw new TrainerException($"the table has no row for '{key}'");
        }
        var reward = _table.Read(key, _rewardColumn, _seed)
            ?? throw new TrainerException($"the table's '{_rewardColumn}' is empty for '{key}'");
        var metrics = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var metric in _metrics)
        {
            if (_table.Read(key, metric, _seed) is { } value)
            {
                metrics[metric] = value;
            }
        }
        return Task.FromResult(new TrialOutcome(reward, metrics.ToImmutable()));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
