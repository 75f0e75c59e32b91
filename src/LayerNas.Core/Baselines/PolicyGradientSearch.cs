using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// What REINFORCE and PPO share: a per-layer categorical policy (<see cref="CategoricalPolicy"/>) that proposes each
/// round, and the moving-average reward baseline (<see cref="RewardBaseline"/>); each says how a round moves the policy.
/// </summary>
/// <remarks>
/// A round draws each proposal from the policy again until it lands in the cost target, up to
/// <see cref="SampleAttempts"/> times, and otherwise takes an unseen feasible architecture drawn uniformly. By itself
/// the search ends only when every feasible architecture has been proposed or no feasible architecture can be found;
/// otherwise the search's trial budget ends it.
/// </remarks>
public abstract class PolicyGradientSearch : RoundStrategy
{
    /// <summary>Draws from the policy for one proposal before it falls back to a uniform feasible architecture.</summary>
    public const int SampleAttempts = 1_000;

    private readonly int _batch;
    private readonly SplitMix64 _rng;
    private readonly DistinctFeasibleSampler _sampler;

    /// <summary>A uniform policy over <paramref name="problem"/>'s layers; throws for settings that cannot work.</summary>
    private protected PolicyGradientSearch(SearchProblem problem, ulong seed, double learningRate, int batch, double baselineDecay)
    {
        Categorical = new CategoricalPolicy(problem, learningRate);
        _batch = batch >= 1 ? batch : throw new ArgumentOutOfRangeException(nameof(batch), batch, "a round needs at least one sample");
        Baseline = new RewardBaseline(baselineDecay);
        _rng = new SplitMix64(seed);
        _sampler = new DistinctFeasibleSampler(problem);
    }

    /// <summary>The current probability of each option of a layer.</summary>
    public double[] Policy(int layer) => Categorical.Probabilities()[layer];

    /// <summary>The policy rounds are drawn from and updates move.</summary>
    private protected CategoricalPolicy Categorical { get; }

    /// <summary>The moving-average reward baseline advantages are taken against.</summary>
    private protected RewardBaseline Baseline { get; }

    /// <inheritdoc />
    protected sealed override IReadOnlyList<Architecture> NextRound() => Categorical.DrawRound(_rng, _sampler, _batch, SampleAttempts);
}
