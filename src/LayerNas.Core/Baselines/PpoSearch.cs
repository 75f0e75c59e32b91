using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// Proximal policy optimization (Schulman et al. 2017), the reinforcement-learning baseline of the LayerNAS paper,
/// over the same per-layer categorical policy as <see cref="ReinforceSearch"/>: sample a round, then take several
/// Adam steps on the clipped surrogate objective of that round, so one round's rewards move the policy further than
/// REINFORCE's single step, but never far from the policy that sampled them.
/// </summary>
/// <remarks>
/// <para>Proposals are drawn exactly as <see cref="ReinforceSearch"/> draws them (<see cref="PolicyGradientSearch"/>),
/// and each rewarded sample k of a round gets its advantage A_k = r − b from the same moving-average baseline, in
/// proposal order.</para>
/// <para>With π_old the round's sampling policy and ρ_k = π_θ(a_k) / π_old(a_k), each of <c>epochs</c> steps climbs the
/// gradient of L(θ) = mean_k min(ρ_k·A_k, clip(ρ_k, 1 − ε, 1 + ε)·A_k): sample k contributes A_k·ρ_k·∇log π_θ(a_k)
/// while its ratio is on the side of the clip range the objective still rewards (ρ_k &lt; 1 + ε for A_k &gt; 0,
/// ρ_k &gt; 1 − ε for A_k &lt; 0) and nothing once it has left it. The first step has ρ = 1 everywhere, so with one epoch
/// PPO is REINFORCE step for step. There is no value network and no entropy bonus: the policy has no state to
/// condition on, and the moving baseline plays the value's part. Failed trials teach nothing.</para>
/// </remarks>
public sealed class PpoSearch : PolicyGradientSearch
{
    /// <summary>Default Adam step size of each epoch (chosen by measurement: docs/baselines.md).</summary>
    public const double DefaultLearningRate = 0.02;

    /// <summary>Default architectures sampled per round.</summary>
    public const int DefaultBatch = 8;

    /// <summary>Default momentum of the moving-average reward baseline.</summary>
    public const double DefaultBaselineDecay = 0.9;

    /// <summary>Default ε: ratios are clipped to [1 − ε, 1 + ε], as the PPO paper's default.</summary>
    public const double DefaultClip = 0.2;

    /// <summary>Default optimization steps per round (chosen by measurement: docs/baselines.md).</summary>
    public const int DefaultEpochs = 8;

    /// <summary>Most optimization steps per round a search may ask for.</summary>
    public const int MaxEpochs = 100;

    private readonly double _clip;
    private readonly int _epochs;

    /// <summary>Prepares a PPO search of <paramref name="problem"/> whose samples follow <paramref name="seed"/>.</summary>
    public PpoSearch(
        SearchProblem problem,
        ulong seed,
        double learningRate = DefaultLearningRate,
        int batch = DefaultBatch,
        double baselineDecay = DefaultBaselineDecay,
        double clip = DefaultClip,
        int epochs = DefaultEpochs)
        : base(problem, seed, learningRate, batch, baselineDecay)
    {
        _clip = double.IsFinite(clip) && clip > 0 ? clip : throw new ArgumentOutOfRangeException(nameof(clip), clip, "the clip range must be a positive number");
        _epochs = epochs is >= 1 and <= MaxEpochs ? epochs : throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"epochs must lie in 1 … {MaxEpochs}");
    }

    /// <inheritdoc />
    public override string Name => "ppo";

    private protected override void Learn(ProposalRound round)
    {
        var sampling = Categorical.Probabilities();
        var samples = new List<(Architecture Architecture, double Advantage, double OldLogProbability)>();
        foreach (var (architecture, reward) in round.Outcomes())
        {
            if (reward is { } r)
            {
                samples.Add((architecture, Baseline.Advantage(r), CategoricalPolicy.LogProbability(sampling, architecture)));
            }
        }
        if (samples.Count == 0)
        {
            return;
        }
        for (var epoch = 0; epoch < _epochs; epoch++)
        {
            var current = epoch == 0 ? sampling : Categorical.Probabilities();
            var gradient = Categorical.NewGradient();
            foreach (var (architecture, advantage, oldLogProbability) in samples)
            {
                var ratio = Math.Exp(CategoricalPolicy.LogProbability(current, architecture) - oldLogProbability);
                if (advantage > 0 ? ratio < 1 + _clip : advantage < 0 && ratio > 1 - _clip)
                {
                    CategoricalPolicy.AddScore(gradient, current, architecture, advantage * ratio);
                }
            }
            Categorical.Ascend(gradient, samples.Count);
        }
    }
}
