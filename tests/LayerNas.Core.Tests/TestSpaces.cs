using System.Collections.Immutable;
using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests;

/// <summary>Small spaces and reward functions shared by the core tests.</summary>
internal static class TestSpaces
{
    public static SearchSpace Burger() => new(
    [
        Layer("bun", ("plain", 1), ("sesame", 2), ("brioche", 3), ("pretzel", 4)),
        Layer("patty", ("bean", 1), ("chicken", 2), ("beef", 3), ("wagyu", 4)),
        Layer("topping", ("lettuce", 1), ("cheddar", 2), ("bacon", 3), ("truffle", 4)),
    ]);

    public static SearchLayer Layer(string name, params (string Name, double Cost)[] options) =>
        new(name, [.. options.Select(o => new LayerOption(o.Name, o.Cost))]);

    /// <summary>A random space of integer option costs.</summary>
    public static SearchSpace RandomSpace(Random random, int layers, int options, int maxCost) => new(
        Enumerable.Range(0, layers).Select(l => new SearchLayer(
            $"l{l}",
            [.. Enumerable.Range(0, options).Select(o => new LayerOption($"o{o}", random.Next(1, maxCost + 1)))])));

    public static SearchProblem Additive(SearchSpace space, double min, double max) =>
        new(space, new AdditiveCostModel(space), new CostTarget(min, max));

    /// <summary>A reward that is a sum of per-(layer, option) terms: the layerwise assumption holds exactly.</summary>
    public static Func<Architecture, double> AdditiveReward(SearchSpace space, int seed)
    {
        var random = new Random(seed);
        var terms = space.Layers.Select(l => l.Options.Select(_ => random.NextDouble()).ToArray()).ToArray();
        return a => Enumerable.Range(0, a.Length).Sum(l => terms[l][a[l]]);
    }

    /// <summary>A reward with strong interactions between neighbouring layers.</summary>
    public static Func<Architecture, double> InteractingReward(SearchSpace space, int seed)
    {
        var random = new Random(seed);
        var pairs = space.Layers.Select(l => Enumerable.Range(0, 16).Select(_ => random.NextDouble()).ToArray()).ToArray();
        return a => Enumerable.Range(0, a.Length).Sum(l => pairs[l][(a[l] * 4 + (l + 1 < a.Length ? a[l + 1] : 0)) % 16]);
    }

    /// <summary>The exhaustive constrained optimum: the best reward of any architecture whose cost lies in the target.</summary>
    public static double? Optimum(SearchProblem problem, Func<Architecture, double> reward) =>
        problem.Space.Enumerate().Where(problem.IsFeasible).Select(reward).DefaultIfEmpty(double.NaN).Max() is var best && double.IsNaN(best) ? null : best;

    /// <summary>Runs a search to the end, completing trials in a shuffled order and in random-size batches.</summary>
    public static SearchState Drive(SearchState state, Func<Architecture, double?> reward, int shuffleSeed = 0)
    {
        var random = new Random(shuffleSeed);
        var running = new List<Trial>();
        running.AddRange(state.TakeNewTrials());
        while (running.Count > 0)
        {
            var batch = random.Next(1, running.Count + 1);
            var picked = running.OrderBy(_ => random.Next()).Take(batch).ToList();
            foreach (var trial in picked)
            {
                running.Remove(trial);
                if (reward(trial.Architecture) is { } value)
                {
                    Assert.True(state.Complete(trial.Number, TrialOutcome.Of(value)));
                }
                else
                {
                    Assert.True(state.Fail(trial.Number, "failed in test", 3));
                }
            }
            running.AddRange(state.TakeNewTrials());
        }
        Assert.True(state.IsDone);
        return state;
    }

    public static ImmutableArray<T> Array<T>(params T[] items) => [.. items];
}
