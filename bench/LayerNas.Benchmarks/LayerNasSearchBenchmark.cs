using BenchmarkDotNet.Attributes;
using LayerNas.Core.Costs;
using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Benchmarks;

/// <summary>
/// The coordinator's share of the work per trial: one whole LayerNAS search over 20 layers × 20 options with H = 100,
/// driven through <see cref="SearchState"/> exactly as the coordinator drives it, every trial answered at once.
/// BenchmarkDotNet divides by <see cref="Trials"/>, so the figures read as time and allocation per proposed and
/// reported trial.
/// </summary>
[MemoryDiagnoser]
public class LayerNasSearchBenchmark
{
    /// <summary>Trials of the search below; <see cref="Setup"/> checks it, since the attribute needs a constant.</summary>
    private const int Trials = 29_976;

    private SearchProblem _problem = null!;
    private double[][] _quality = null!;
    private SearchState _state = null!;

    /// <summary>Builds the space: integer option costs 1–20 from a fixed seed, target the middle of the cost range.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20);
        var space = new SearchSpace(Enumerable.Range(0, 20).Select(l => new SearchLayer(
            $"layer{l}",
            [.. Enumerable.Range(0, 20).Select(o => new LayerOption($"option{o}", random.Next(1, 21)))])));
        _problem = new SearchProblem(space, new AdditiveCostModel(space), new CostTarget(150, 250));
        _quality = [.. space.Layers.Select(l => l.Options.Select(_ => random.NextDouble()).ToArray())];
        IterationSetup();
        var trials = Run();
        if (trials != Trials)
        {
            throw new InvalidOperationException($"the benchmark search trains {trials} trials; set Trials to that");
        }
    }

    /// <summary>A fresh search per iteration: depth ranges and defaults are computed once per search, not per trial.</summary>
    [IterationSetup]
    public void IterationSetup() =>
        _state = new SearchState(_problem, new LayerNasStrategy(_problem, new LayerNasOptions(Buckets: 100)));

    /// <summary>Proposes and reports every trial of the search.</summary>
    [Benchmark(OperationsPerInvoke = Trials)]
    public long Run()
    {
        var trained = 0L;
        var trials = _state.TakeNewTrials();
        while (trials.Count > 0)
        {
            foreach (var trial in trials)
            {
                _state.Complete(trial.Number, TrialOutcome.Of(Reward(trial.Architecture)));
                trained++;
            }
            trials = _state.TakeNewTrials();
        }
        return trained;
    }

    private double Reward(Architecture architecture)
    {
        var reward = 0.0;
        for (var layer = 0; layer < architecture.Length; layer++)
        {
            reward += _quality[layer][architecture[layer]];
        }
        return reward;
    }
}
