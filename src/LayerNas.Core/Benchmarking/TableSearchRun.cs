using System.Collections.Immutable;
using LayerNas.Core.Search;
using LayerNas.Core.Specs;

namespace LayerNas.Core.Benchmarking;

/// <summary>One whole search answered from a benchmark table, in process, exactly as the coordinator drives one.</summary>
/// <remarks>
/// Trials are answered as the tabular trainer answers them with the run's seed: each architecture reads the row
/// <see cref="Costs.BenchmarkTable.SeedRow"/> picks (the one row of a single-seed table); a key the table lacks or an
/// empty reward fails the trial. Every batch of trials is settled in trial order before the strategy is asked again,
/// so a run depends on its compiled search, seed and budget alone. The answer is what the search's result reports
/// (<see cref="SearchResultBuilder"/>): the best reward among the trained architectures in the target, so a search
/// cut off by its budget answers with the best it has trained so far.
/// </remarks>
public static class TableSearchRun
{
    /// <summary>Runs <paramref name="search"/>'s strategy to its end or to <paramref name="budget"/> trials, reading rewards with <paramref name="seed"/>.</summary>
    public static RunOutcome Run(CompiledSearch search, ComparisonTable table, TableOptimum optimum, ulong seed, long budget)
    {
        var state = new SearchState(search.Problem, search.NewStrategy(), budget);
        var space = search.Problem.Space;
        for (var trials = state.TakeNewTrials(); trials.Count > 0; trials = state.TakeNewTrials())
        {
            foreach (var trial in trials)
            {
                var key = space.Key(trial.Architecture);
                if (table.Table.RowsFor(key) == 0)
                {
                    state.Fail(trial.Number, $"the table has no row for '{key}'", 1);
                }
                else if (table.Table.Read(key, table.RewardColumn, seed) is not { } reward)
                {
                    state.Fail(trial.Number, $"the table's '{table.RewardColumn}' is empty for '{key}'", 1);
                }
                else
                {
                    var metrics = table.Table.Read(key, table.Metric, seed) is { } metric
                        ? ImmutableSortedDictionary<string, double>.Empty.Add(table.Metric, metric)
                        : ImmutableSortedDictionary<string, double>.Empty;
                    state.Complete(trial.Number, new TrialOutcome(reward, metrics));
                }
            }
        }
        if (!state.IsDone)
        {
            throw new InvalidOperationException($"the {state.Strategy.Name} strategy stopped proposing before it was done");
        }
        var result = SearchResultBuilder.Build($"{state.Strategy.Name}-{seed}-{budget}", search, state, "finished");
        var reached = state.Settled.Where(t => t.Succeeded && optimum.Optima.Contains(t.Architecture)).Select(t => (long?)t.Number).Min();
        var best = result.Best;
        return new RunOutcome(
            state.Strategy.Name,
            seed,
            budget,
            state.TrialsCreated,
            best is null ? null : string.Join(':', best.Architecture),
            best?.Reward,
            best is not null && best.Metrics.TryGetValue(table.Metric, out var value) ? value : null,
            reached);
    }
}
