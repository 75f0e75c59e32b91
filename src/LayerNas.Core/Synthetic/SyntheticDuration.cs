using LayerNas.Core.Randomness;
using LayerNas.Core.Space;

namespace LayerNas.Core.Synthetic;

/// <summary>
/// How long the synthetic trainer takes for an architecture: a fixed part plus a part per unit of its additive cost
/// (the sum of its options' <c>cost</c>), as real training takes longer for bigger networks, scaled by a seeded jitter
/// factor in [1 − jitter, 1 + jitter) that is the same for an architecture every time.
/// </summary>
public sealed record SyntheticDuration(double Seconds, double SecondsPerCost = 0, double Jitter = 0, ulong Seed = 0)
{
    // Tags the jitter's hashes apart from the reward's.
    private const ulong JitterTag = 3;

    /// <summary>The training time of an architecture of <paramref name="space"/>, in seconds.</summary>
    public double For(SearchSpace space, Architecture architecture)
    {
        var cost = 0.0;
        for (var layer = 0; layer < architecture.Length; layer++)
        {
            cost += space.Layers[layer].Options[architecture[layer]].Cost;
        }
        var seconds = Seconds + SecondsPerCost * cost;
        if (Jitter == 0 || seconds == 0)
        {
            return seconds;
        }
        Span<ulong> words = stackalloc ulong[architecture.Length + 1];
        words[0] = JitterTag;
        for (var layer = 0; layer < architecture.Length; layer++)
        {
            words[layer + 1] = (ulong)architecture[layer];
        }
        return seconds * (1 + Jitter * (2 * SplitMix64.ToUnit(SplitMix64.Hash(Seed, words)) - 1));
    }
}
