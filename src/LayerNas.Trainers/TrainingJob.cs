using LayerNas.Core.Space;

namespace LayerNas.Trainers;

/// <summary>One attempt at training one trial.</summary>
public sealed record TrainingJob(string SearchId, long TrialNumber, Architecture Architecture, IReadOnlyList<string> OptionNames, int Attempt);
