namespace LayerNas.Core.Benchmarking;

/// <summary>What one seeded search under one trial budget found.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Seed">The run's seed: the strategy's seed and the choice of training seed per architecture.</param>
/// <param name="Budget">The trial budget (max trials).</param>
/// <param name="Trials">Trials the search created (trained or failed); at most the budget.</param>
/// <param name="BestKey">The key of the search's answer, or null when it trained nothing in the target.</param>
/// <param name="BestReward">The answer's reward as this run read it.</param>
/// <param name="BestMetric">The answer's test metric as this run read it, or null without an answer or without a value.</param>
/// <param name="TrialsToOptimum">The number of the trial that first trained a true optimum, or null when none did.</param>
public sealed record RunOutcome(string Strategy, ulong Seed, long Budget, long Trials, string? BestKey, double? BestReward, double? BestMetric, long? TrialsToOptimum);
