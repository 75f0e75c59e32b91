using System.Collections.Immutable;

namespace LayerNas.Core.Benchmarking;

/// <summary>The outcome of comparing strategies on a benchmark table: the true optimum, one row per budget and strategy, and every run.</summary>
/// <param name="SpecName">The spec's name.</param>
/// <param name="RewardColumn">The table column searches maximise (validation accuracy, say).</param>
/// <param name="Metric">The table column reported for each answer (test accuracy, say).</param>
/// <param name="Optimum">The table's true constrained optimum.</param>
/// <param name="Strategies">The strategies compared, in the order asked for.</param>
/// <param name="Budgets">The trial budgets, ascending.</param>
/// <param name="Runs">The seeded runs asked for per strategy and budget.</param>
/// <param name="SingleSeedTable">Whether the table holds one training seed per architecture.</param>
/// <param name="Deterministic">The strategies that ran once per budget: they take no seed and the table has one row per architecture.</param>
/// <param name="Rows">One row per budget (ascending) and strategy (in the order asked for).</param>
/// <param name="Outcomes">Every run, by strategy, seed and budget.</param>
public sealed record ComparisonReport(
    string SpecName,
    string RewardColumn,
    string Metric,
    TableOptimum Optimum,
    ImmutableArray<string> Strategies,
    ImmutableArray<long> Budgets,
    int Runs,
    bool SingleSeedTable,
    ImmutableArray<string> Deterministic,
    ImmutableArray<ComparisonRow> Rows,
    ImmutableArray<RunOutcome> Outcomes)
{
    /// <summary>The row of a budget and strategy.</summary>
    public ComparisonRow Row(long budget, string strategy) => Rows.Single(r => r.Budget == budget && r.Strategy == strategy);
}
