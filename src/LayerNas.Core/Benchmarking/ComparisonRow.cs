namespace LayerNas.Core.Benchmarking;

/// <summary>How one strategy did under one trial budget, over its seeded runs.</summary>
/// <param name="Budget">The trial budget.</param>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Runs">Runs made (1 for a strategy that is deterministic on this table).</param>
/// <param name="MeanTrials">Trials the runs used, on average: less than the budget when a search ends by itself.</param>
/// <param name="Answered">Runs whose answer has a test metric; the others trained nothing in the target.</param>
/// <param name="Metric">Mean, quartiles and median of the answers' test metric over the answered runs; null when none answered.</param>
/// <param name="ReachedOptimum">The fraction of runs that trained a true optimum within the budget.</param>
/// <param name="MedianTrialsToOptimum">Among those runs, the median number of trials it took; null when none did.</param>
public sealed record ComparisonRow(long Budget, string Strategy, int Runs, double MeanTrials, int Answered, Spread? Metric, double ReachedOptimum, double? MedianTrialsToOptimum);
