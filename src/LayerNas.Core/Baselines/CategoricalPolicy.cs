using LayerNas.Core.Randomness;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Baselines;

/// <summary>
/// Independent per-layer categorical distributions, softmax(θ_i) over layer i's options, with θ starting at 0
/// (uniform) and moved by Adam: the policy REINFORCE and PPO share.
/// </summary>
/// <remarks>
/// Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8), as NATS-Bench's REINFORCE uses it: its step size is the learning rate
/// whatever the scale of the rewards, so one default suits accuracies and synthetic rewards alike.
/// </remarks>
internal sealed class CategoricalPolicy
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly SearchProblem _problem;
    private readonly double _learningRate;
    private readonly double[][] _logits;
    private readonly double[][] _firstMoment;
    private readonly double[][] _secondMoment;
    private int _steps;

    /// <summary>A uniform policy over <paramref name="problem"/>'s layers; throws for a learning rate that is not a positive number.</summary>
    public CategoricalPolicy(SearchProblem problem, double learningRate)
    {
        if (!double.IsFinite(learningRate) || learningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be a positive number");
        }
        _problem = problem;
        _learningRate = learningRate;
        _logits = NewGradient();
        _firstMoment = NewGradient();
        _secondMoment = NewGradient();
    }

    /// <summary>The current probability of each option of each layer.</summary>
    public double[][] Probabilities() => [.. _logits.Select(Softmax)];

    /// <summary>
    /// Up to <paramref name="batch"/> proposals: each drawn from the policy again until it lies in the cost target (up
    /// to <paramref name="attempts"/> draws), else an unseen feasible architecture drawn uniformly; fewer when the
    /// sampler runs out. Every proposal is marked seen.
    /// </summary>
    public List<Architecture> DrawRound(SplitMix64 rng, DistinctFeasibleSampler sampler, int batch, int attempts)
    {
        var proposals = new List<Architecture>(batch);
        var policies = Probabilities();
        while (!sampler.AllSeen && proposals.Count < batch)
        {
            if ((SampleFeasible(rng, policies, attempts) ?? sampler.Next(rng)) is not { } drawn)
            {
                break;
            }
            sampler.Mark(drawn);
            proposals.Add(drawn);
        }
        return proposals;
    }

    /// <summary>An all-zero array shaped like the logits, to sum a gradient into.</summary>
    public double[][] NewGradient() => [.. _problem.Space.Layers.Select(l => new double[l.Options.Length])];

    /// <summary>Adds <paramref name="weight"/> · ∇θ log π(<paramref name="architecture"/>), taken at <paramref name="probabilities"/>, to <paramref name="gradient"/>.</summary>
    public static void AddScore(double[][] gradient, double[][] probabilities, Architecture architecture, double weight)
    {
        for (var layer = 0; layer < gradient.Length; layer++)
        {
            for (var option = 0; option < gradient[layer].Length; option++)
            {
                var chosen = architecture[layer] == option ? 1.0 : 0.0;
                gradient[layer][option] += weight * (chosen - probabilities[layer][option]);
            }
        }
    }

    /// <summary>log π(<paramref name="architecture"/>) under <paramref name="probabilities"/>.</summary>
    public static double LogProbability(double[][] probabilities, Architecture architecture)
    {
        var sum = 0.0;
        for (var layer = 0; layer < probabilities.Length; layer++)
        {
            sum += Math.Log(probabilities[layer][architecture[layer]]);
        }
        return sum;
    }

    /// <summary>Climbs the mean gradient (<paramref name="gradientSum"/> over <paramref name="samples"/>) by one Adam step.</summary>
    public void Ascend(double[][] gradientSum, int samples)
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

    private Architecture? SampleFeasible(SplitMix64 rng, double[][] policies, int attempts)
    {
        var choices = new int[policies.Length];
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            for (var layer = 0; layer < choices.Length; layer++)
            {
                choices[layer] = Sample(rng, policies[layer]);
            }
            var candidate = new Architecture(choices);
            if (_problem.IsFeasible(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static int Sample(SplitMix64 rng, double[] probabilities)
    {
        var u = rng.NextDouble();
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

    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exp = new double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < exp.Length; i++)
        {
            exp[i] = Math.Exp(logits[i] - max);
            sum += exp[i];
        }
        for (var i = 0; i < exp.Length; i++)
        {
            exp[i] /= sum;
        }
        return exp;
    }
}
