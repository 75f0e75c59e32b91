using LayerNas.Core.Costs;

namespace LayerNas.Core.Benchmarking;

/// <summary>The benchmark table a comparison trains from, its reward column and the test metric it reports.</summary>
public sealed record ComparisonTable(BenchmarkTable Table, string RewardColumn, string Metric)
{
    /// <summary>Whether the table holds exactly one row (training seed) for every architecture it lists.</summary>
    public bool IsSingleSeed => Table.Keys.All(key => Table.RowsFor(key) == 1);
}
