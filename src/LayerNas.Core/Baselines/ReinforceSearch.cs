using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// REINFORCE (Williams 1992) over independent per-layer categorical policies, as in Zoph and Le's NAS controller
/// without the recurrent network: sample a round of architectures, then push each layer's logits towards the options
/// of architectures that beat the moving-average baseline.
/// </summary>
/// <remarks>
/// <para>Layer i chooses option o with probability softmax(θ_i)[o]; θ starts at 0 (uniform). An architecture that
/// lands outside the cost target is drawn again, up to <see cref="SampleAttempts"/> times; after that the round takes
/// an unseen feasible architecture drawn uniformly instead.</para>
/// <para>Once every outcome of a round is in, they are applied in proposal order: with reward r and baseline b
/// (the first reward, then b ← decay·b + (1 − decay)·r after each), the advantage is r − b taken before b moves, and
/// the round's gradient of the expected reward is g_i = mean over its rewarded samples of
/// advantage · (onehot(a_i) − softmax(θ_i)), taken at the round's policy. θ climbs g by one Adam step
/// (β1 = 0.9, β2 = 0.999, ε = 1e-8), as NATS-Bench's REINFORCE does: its step size is the learning rate whatever the
/// scale of the rewards, so the default suits accuracies and synthetic rewards alike. Failed trials teach nothing;
/// a round without a reward leaves θ alone. The search's trial budget ends it; by itself it ends only when every
/// feasible architecture has been proposed or no feasible architecture can be found.</para>
/// </remarks>
public sealed class ReinforceSearch : RoundStrategy
{
    /// <summary>Default step size of the policy update.</summary>
    public const double DefaultLearningRate = 0.05;

    /// <summary>Default architectures sampled per policy update.</summary>
    public const int DefaultBatch = 8;

    /// <summary>Default momentum of the moving-average reward baseline.</summary>
    public const double DefaultBaselineDecay = 0.9;

    /// <summary>Draws from the policy for one proposal before it falls back to a uniform feasible architecture.</summary>
    public const int SampleAttempts = 1_000;

    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly SearchProblem _problem;
    private readonly double _learningRate;
    private readonly int _batch;
    private readonly double _baselineDecay;
    private readonly SplitMix64 _rng;
    private readonly DistinctFeasibleSampler _sampler;
    private readonly double[][] _logits;
    private readonly double[][] _firstMoment;
    private readonly double[][] _secondMoment;
    private int _steps;
    private double? _baseline;

    /// <summary>Prepares a policy-gradient search of <paramref name="problem"/> whose samples follow <paramref name="seed"/>.</summary>
    public ReinforceSearch(SearchProblem problem, ulong seed, double learningRate = DefaultLearningRate, int batch = DefaultBatch, double baselineDecay = DefaultBaselineDecay)
    {
        if (!double.IsFinite(learningRate) || learningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be a positive number");
        }
        if (batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "a round needs at least one sample");
        }
        if (!(baselineDecay >= 0 && baselineDecay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineDecay), baselineDecay, "the baseline decay must lie in [0, 1)");
        }
        _problem = problem;
        _learningRate = learningRate;
        _batch = batch;
        _baselineDecay = baselineDecay;
        _rng = new SplitMix64(seed);
        _sampler = new DistinctFeasibleSampler(problem);
        _logits = [.. problem.Space.Layers.Select(l => new double[l.Options.Length])];
        _firstMoment = [.. problem.Space.Layers.Select(l => new double[l.Options.Length])];
        _secondMoment = [.. problem.Space.Layers.Select(l => new double[l.Options.Length])];
    }

    /// <inheritdoc />
    public override string Name => "reinforce";

    /// <summary>The current probability of each option of a layer.</summary>
    public double[] Policy(int layer) => Softmax(_logits[layer]);

    /// <inheritdoc />
    protected override IReadOnlyList<Architecture> NextRound()
    {
        var proposals = new List<Architecture>(_batch);
        while (!_sampler.AllSeen && proposals.Count < _batch)
        {
            if ((SampleFeasible() ?? _sampler.Next(_rng)) is not { } drawn)
            {
                break;
            }
            _sampler.Mark(drawn);
            proposals.Add(drawn);
        }
        return proposals;
    }

    private Architecture? SampleFeasible()
    {
        var policies = _logits.Select(Softmax).ToArray();
        var choices = new int[policies.Length];
        for (var attempt = 0; attempt < SampleAttempts; attempt++)
        {
            for (var layer = 0; layer < choices.Length; layer++)
            {
                choices[layer] = Sample(policies[layer]);
            }
            var candidate = new Architecture(choices);
            if (_problem.IsFeasible(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private int Sample(double[] probabilities)
    {
        var u = _rng.NextDouble();
        for (var option = 0; option < probabilities.Length - 1; option++)
        {
            u -= probabilities[option];
            if (u < 0)
            {
                return option;
            }
        }
        return probabilities.Length - 1;
    }

    private protected override void Learn(ProposalRound round)
    {
        var policies = _logits.Select(Softmax).ToArray();
        var gradient = _logits.Select(l => new double[l.Length]).ToArray();
        var rewarded = 0;
        foreach (var (architecture, reward) in round.Outcomes())
        {
            if (reward is not { } r)
            {
                continue;
            }
            rewarded++;
            var baseline = _baseline ?? r;
            var advantage = r - baseline;
            _baseline = _baselineDecay * baseline + (1 - _baselineDecay) * r;
            for (var layer = 0; layer < gradient.Length; layer++)
            {
                for (var option = 0; option < gradient[layer].Length; option++)
                {
                    var chosen = architecture[layer] == option ? 1.0 : 0.0;
                    gradient[layer][option] += advantage * (chosen - policies[layer][option]);
                }
            }
        }
        if (rewarded > 0)
        {
            AdamStep(gradient, rewarded);
        }
    }

    private void AdamStep(double[][] gradientSum, int samples)
    {
        _steps++;
        var correction1 = 1 - Math.Pow(Beta1, _steps);
        var correction2 = 1 - Math.Pow(Beta2, _steps);
        for (var layer = 0; layer < _logits.Length; layer++)
        {
            for (var option = 0; option < _logits[layer].Length; option++)
            {
                var g = gradientSum[layer][option] / samples;
                _firstMoment[layer][option] = Beta1 * _firstMoment[layer][option] + (1 - Beta1) * g;
                _secondMoment[layer][option] = Beta2 * _secondMoment[layer][option] + (1 - Beta2) * g * g;
                var step = _firstMoment[layer][option] / correction1 / (Math.Sqrt(_secondMoment[layer][option] / correction2) + Epsilon);
                _logits[layer][option] += _learningRate * step;
            }
        }
    }

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(x => Math.Exp(x - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }
}
