using LayerNas.Protocol.V1;

namespace LayerNas.Core.Benchmarking;

/// <summary>The settled trials of one exhaustive search, trained with one training seed (null: the trainer's own).</summary>
public sealed record SeedTrials(long? Seed, IReadOnlyList<TrialRecord> Trials);
