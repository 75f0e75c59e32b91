using LayerNas.Core.Space;

namespace LayerNas.Core.Search;

/// <summary>A trial that is over: trained with an outcome, or failed for good with a reason.</summary>
public sealed record SettledTrial(long Number, Architecture Architecture, double Cost, TrialOutcome? Outcome, string? FailureReason, int Attempts)
{
    /// <summary>Whether the trial produced a reward.</summary>
    public bool Succeeded => Outcome is not null;
}
