using System.Collections.Immutable;

namespace LayerNas.Core.Search;

/// <summary>What training an architecture yielded: its reward (higher is better) and any further metrics.</summary>
public sealed record TrialOutcome(double Reward, ImmutableSortedDictionary<string, double> Metrics)
{
    /// <summary>An outcome with a reward and no metrics.</summary>
    public static TrialOutcome Of(double reward) => new(reward, ImmutableSortedDictionary<string, double>.Empty);
}
