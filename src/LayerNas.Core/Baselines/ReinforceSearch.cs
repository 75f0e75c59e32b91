using LayerNas.Core.Search;

namespace LayerNas.Core.Baselines;

/// <summary>
/// REINFORCE (Williams 1992) over independent per-layer categorical policies, as in Zoph and Le's NAS controller
/// without the recurrent network: sample a round of architectures, then push each layer's logits towards the options
/// of architectures that beat the moving-average baseline.
/// </summary>
/// <remarks>
/// <para>Layer i chooses option o with probability softmax(θ_i)[o]; θ starts at 0 (uniform). An architecture that
/// lands outside the cost target is drawn again, up to <see cref="PolicyGradientSearch.SampleAttempts"/> times; after
/// that the round takes an unseen feasible architecture drawn uniformly instead.</para>
/// <para>Once every outcome of a round is in, they are applied in proposal order: with reward r and baseline b
/// (the first reward, then b ← decay·b + (1 − decay)·r after each), the advantage is r − b taken before b moves, and
/// the round's gradient of the expected reward is g_i = mean over its rewarded samples of
/// advantage · (onehot(a_i) − softmax(θ_i)), taken at the round's policy. θ climbs g by one Adam step
/// (β1 = 0.9, β2 = 0.999, ε = 1e-8), as NATS-Bench's REINFORCE does: its step size is the learning rate whatever the
/// scale of the rewards, so the default suits accuracies and synthetic rewards alike. Failed trials teach nothing;
/// a round without a reward leaves θ alone. The search's trial budget ends it; by itself it ends only when every
/// feasible architecture has been proposed or no feasible architecture can be found.</para>
/// </remarks>
public sealed class ReinforceSearch : PolicyGradientSearch
{
    /// <summary>Default step size of the policy update.</summary>
    public const double DefaultLearningRate = 0.05;

    /// <summary>Default architectures sampled per policy update.</summary>
    public const int DefaultBatch = 8;

    /// <summary>Default momentum of the moving-average reward baseline.</summary>
    public const double DefaultBaselineDecay = 0.9;

    /// <summary>Prepares a policy-gradient search of <paramref name="problem"/> whose samples follow <paramref name="seed"/>.</summary>
    public ReinforceSearch(SearchProblem problem, ulong seed, double learningRate = DefaultLearningRate, int batch = DefaultBatch, double baselineDecay = DefaultBaselineDecay)
        : base(problem, seed, learningRate, batch, baselineDecay)
    {
    }

    /// <inheritdoc />
    public override string Name => "reinforce";

    private protected override void Learn(ProposalRound round)
    {
        var policies = Categorical.Probabilities();
        var gradient = Categorical.NewGradient();
        var rewarded = 0;
        foreach (var (architecture, reward) in round.Outcomes())
        {
            if (reward is not { } r)
            {
                continue;
            }
            rewarded++;
            CategoricalPolicy.AddScore(gradient, policies, architecture, Baseline.Advantage(r));
        }
        if (rewarded > 0)
        {
            Categorical.Ascend(gradient, rewarded);
        }
    }
}
