using LayerNas.Core.Randomness;
using LayerNas.Core.Space;

namespace LayerNas.Core.Synthetic;

/// <summary>
/// A deterministic stand-in for training: a reward in [0, 1) computed from the architecture and a seed, with
/// per-layer quality that tends to grow with an option's cost and tunable interactions between neighbouring layers.
/// </summary>
/// <remarks>
/// <para>With U(x…) = <see cref="SplitMix64.ToUnit"/>(<see cref="SplitMix64.Hash(ulong, ReadOnlySpan{ulong})"/>(seed, x…))
/// ∈ [0, 1), λ = interaction, n_l the option count of layer l and rank_l(o) ∈ [0, n_l) the position of option o
/// when the layer's options are sorted by cost, then index:</para>
/// <para>layer weight w_l = 0.5 + U(0, l); option quality q_l(o) = √((rank_l(o) + 1) / n_l) · (1 + U(1, l, o)) / 2;
/// interaction g_l(x, y) = U(2, l, x, y);</para>
/// <para>R(a) = (Σ_l w_l·q_l(a_l) + λ·Σ_{l &lt; L−1} g_l(a_l, a_{l+1})) / (Σ_l w_l + λ·(L − 1)).</para>
/// <para>Every term lies in [0, its share of the denominator), so R ∈ [0, 1). Dearer options are better on average,
/// with diminishing returns, but the noise factor lets a cheaper option beat a dearer one. At λ = 0 the reward is a
/// sum of per-layer terms, so the best option of each layer can be chosen alone; for λ &gt; 0 the pair terms reward
/// combinations, and choosing layer by layer can miss the optimum.</para>
/// </remarks>
public sealed class SyntheticReward
{
    /// <summary>Default weight of the interactions between neighbouring layers.</summary>
    public const double DefaultInteraction = 0.5;

    private const ulong WeightTag = 0;
    private const ulong QualityTag = 1;
    private const ulong InteractionTag = 2;

    /// <summary>Fixes the function: the same seed and interaction give the same reward to every architecture, forever.</summary>
    public SyntheticReward(ulong seed, double interaction = DefaultInteraction)
    {
        if (!double.IsFinite(interaction) || interaction < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interaction), interaction, "the interaction weight must be a finite number ≥ 0");
        }
        Seed = seed;
        Interaction = interaction;
    }

    /// <summary>The seed every hash starts from.</summary>
    public ulong Seed { get; }

    /// <summary>λ, the weight of the neighbouring-layer interactions.</summary>
    public double Interaction { get; }

    /// <summary>The reward of a complete architecture of <paramref name="space"/>, in [0, 1).</summary>
    public double Reward(SearchSpace space, Architecture a)
    {
        if (a.Length != space.Depth)
        {
            throw new ArgumentException($"architecture {a} has {a.Length} layers, the space has {space.Depth}", nameof(a));
        }
        var numerator = 0.0;
        var denominator = 0.0;
        for (var layer = 0; layer < a.Length; layer++)
        {
            var options = space.Layers[layer].Options;
            if ((uint)a[layer] >= (uint)options.Length)
            {
                throw new ArgumentException($"architecture {a} picks option {a[layer]} of layer '{space.Layers[layer].Name}', which has {options.Length}", nameof(a));
            }
            var weight = 0.5 + Unit(WeightTag, (ulong)layer);
            var position = (Rank(options, a[layer]) + 1.0) / options.Length;
            var quality = Math.Sqrt(position) * (1 + Unit(QualityTag, (ulong)layer, (ulong)a[layer])) / 2;
            numerator += weight * quality;
            denominator += weight;
            if (layer + 1 < a.Length)
            {
                numerator += Interaction * Unit(InteractionTag, (ulong)layer, (ulong)a[layer], (ulong)a[layer + 1]);
                denominator += Interaction;
            }
        }
        // Rounding can carry a sum of terms each below its share up to the share itself.
        return Math.Min(numerator / denominator, Math.BitDecrement(1.0));
    }

    private double Unit(ulong tag, params ReadOnlySpan<ulong> words)
    {
        Span<ulong> all = stackalloc ulong[words.Length + 1];
        all[0] = tag;
        words.CopyTo(all[1..]);
        return SplitMix64.ToUnit(SplitMix64.Hash(Seed, all));
    }

    private static int Rank(System.Collections.Immutable.ImmutableArray<LayerOption> options, int option)
    {
        var rank = 0;
        for (var other = 0; other < options.Length; other++)
        {
            var cost = options[other].Cost.CompareTo(options[option].Cost);
            if (cost < 0 || (cost == 0 && other < option))
            {
                rank++;
            }
        }
        return rank;
    }
}
