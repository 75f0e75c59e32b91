using System.Collections.Immutable;
using LayerNas.Core.Costs;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Benchmarking;

/// <summary>
/// Compares search strategies on a table-backed spec, NATS-Bench style: many seeded searches per strategy and trial
/// budget, every trial answered from the table in process, summarised by the answers' test metric and by how soon
/// each strategy trained the table's true constrained optimum.
/// </summary>
/// <remarks>
/// Each strategy is the spec's own settings when the spec names it and that strategy's defaults otherwise
/// (<see cref="SpecOverrides.Apply"/>); the spec's trial budget is replaced by each budget in turn, so LayerNAS
/// plans its passes for that budget, and each run's search state enforces it. Run r uses seed r
/// for the strategy and for the choice of training seed per architecture. A strategy that takes no seed (LayerNAS,
/// grid) searches a single-seed table identically every run, so it runs once per budget and the report says so.
/// The runs are spread over threads; each writes only its own slot, so the report is the same for any parallelism.
/// </remarks>
public static class StrategyComparison
{
    private static readonly ImmutableHashSet<string> Seedless = ["layernas", "grid"];

    /// <summary>
    /// Runs <paramref name="plan"/> on <paramref name="spec"/>, whose trainer must be tabular with at least one metric
    /// (the first is the test metric reported). Throws <see cref="SpecException"/> for a spec that cannot be compared
    /// and <see cref="ArgumentException"/> for a plan that cannot be run. Tables are read through <paramref name="loadTable"/>
    /// (path, key column), at most once each.
    /// </summary>
    public static ComparisonReport Run(SearchSpec spec, Func<string, string, BenchmarkTable> loadTable, ComparisonPlan plan)
    {
        plan.Check();
        var load = Memoized(loadTable);
        var budgets = plan.Budgets.Order().ToImmutableArray();
        // The spec's own strategy plays no part: it may even lack the trial budget its kind needs to validate.
        var reference = SearchFactory.Compile(SpecOverrides.Apply(spec, plan.Strategies[0], 1, budgets[^1]), load);
        var tabular = spec.Trainer.Tabular
            ?? throw new SpecException($"a comparison needs a table-backed spec: the trainer is {spec.Trainer.KindCase.ToString().ToLowerInvariant()}, not tabular", "$.trainer");
        if (tabular.Metrics.Count == 0)
        {
            throw new SpecException("a comparison reports the trainer's first metric (a test metric such as test_acc): name one", "$.trainer.tabular.metrics");
        }
        var table = new ComparisonTable(load(tabular.Path, tabular.Key), tabular.Reward, tabular.Metrics[0]);
        var optimum = TableOptimum.Find(reference.Problem, table)
            ?? throw new SpecException("no architecture of the table with a reward lies in the target", "$.target");
        var singleSeed = table.IsSingleSeed;
        var deterministic = plan.Strategies.Where(s => singleSeed && Seedless.Contains(s)).ToImmutableArray();
        // Compiling each strategy once up front reports a bad name or setting as itself, not from inside a thread.
        foreach (var strategy in plan.Strategies)
        {
            SearchFactory.Compile(SpecOverrides.Apply(spec, strategy, 1, budgets[^1]), load);
        }
        var jobs = plan.Strategies
            .SelectMany(strategy => Enumerable.Range(1, deterministic.Contains(strategy) ? 1 : plan.Runs).Select(run => (Strategy: strategy, Seed: (ulong)run)))
            .ToArray();
        var outcomes = new RunOutcome[jobs.Length][];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = plan.Parallelism }, job =>
        {
            var (strategy, seed) = jobs[job];
            outcomes[job] = [.. budgets.Select(budget =>
                TableSearchRun.Run(SearchFactory.Compile(SpecOverrides.Apply(spec, strategy, seed, budget), load), table, optimum, seed, budget))];
        });
        var all = outcomes.SelectMany(o => o).ToImmutableArray();
        var rows = budgets
            .SelectMany(budget => plan.Strategies.Select(strategy => Summarise(budget, strategy, all.Where(o => o.Budget == budget && o.Strategy == strategy).ToList())))
            .ToImmutableArray();
        return new ComparisonReport(spec.Name, table.RewardColumn, table.Metric, optimum, [.. plan.Strategies], budgets, plan.Runs,
            singleSeed, deterministic, rows, all);
    }

    /// <summary>The row of one budget and strategy from its runs.</summary>
    public static ComparisonRow Summarise(long budget, string strategy, IReadOnlyList<RunOutcome> runs)
    {
        var reached = runs.Where(r => r.TrialsToOptimum is not null).Select(r => (double)r.TrialsToOptimum!.Value).ToList();
        return new ComparisonRow(
            budget,
            strategy,
            runs.Count,
            runs.Count == 0 ? 0 : runs.Average(r => (double)r.Trials),
            runs.Count(r => r.BestMetric is not null),
            Spread.Of(runs.Where(r => r.BestMetric is not null).Select(r => r.BestMetric!.Value)),
            runs.Count == 0 ? 0 : (double)reached.Count / runs.Count,
            Spread.Of(reached)?.Median);
    }

    private static Func<string, string, BenchmarkTable> Memoized(Func<string, string, BenchmarkTable> loadTable)
    {
        var tables = new Dictionary<(string, string), BenchmarkTable>();
        return (path, key) =>
        {
            lock (tables)
            {
                if (!tables.TryGetValue((path, key), out var table))
                {
                    table = loadTable(path, key);
                    tables[(path, key)] = table;
                }
                return table;
            }
        };
    }
}
