using LayerNas.Core.Randomness;
using LayerNas.Core.Space;
using LayerNas.Core.Synthetic;

namespace LayerNas.Core.Tests.Synthetic;

public sealed class SyntheticRewardTests
{
    private static readonly SearchSpace Space = TestSpaces.RandomSpace(new Random(4), layers: 5, options: 4, maxCost: 9);

    [Fact]
    public void Is_deterministic_and_depends_on_the_seed()
    {
        var all = Space.Enumerate().ToList();
        var first = all.Select(a => new SyntheticReward(3).Reward(Space, a)).ToList();
        Assert.Equal(first, all.Select(a => new SyntheticReward(3).Reward(Space, a)));
        Assert.NotEqual(first, all.Select(a => new SyntheticReward(4).Reward(Space, a)));
        Assert.Equal(1024, first.Distinct().Count());
    }

    [Fact]
    public void Pins_the_documented_formula()
    {
        // Recomputed by hand from the XML documentation for a one-option-per-layer space: every rank is 0 of 1.
        var space = new SearchSpace([TestSpaces.Layer("a", ("x", 1)), TestSpaces.Layer("b", ("y", 2))]);
        static double U(params ulong[] words) => SplitMix64.ToUnit(SplitMix64.Hash(42, words));
        var (w0, w1) = (0.5 + U(0, 0), 0.5 + U(0, 1));
        var (q0, q1) = ((1 + U(1, 0, 0)) / 2, (1 + U(1, 1, 0)) / 2);
        var expected = (w0 * q0 + w1 * q1 + 0.25 * U(2, 0, 0, 0)) / (w0 + w1 + 0.25);
        Assert.Equal(expected, new SyntheticReward(42, 0.25).Reward(space, new Architecture([0, 0])), 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(100.0)]
    public void Lies_in_the_unit_interval(double interaction)
    {
        for (var seed = 0UL; seed < 20; seed++)
        {
            var reward = new SyntheticReward(seed, interaction);
            Assert.All(Space.Enumerate(), a => Assert.InRange(reward.Reward(Space, a), 0.0, Math.BitDecrement(1.0)));
        }
    }

    [Fact]
    public void Dearer_options_are_better_on_average()
    {
        // Averaged over seeds, each layer's quality rises with its options' cost rank.
        var space = new SearchSpace(Enumerable.Range(0, 3).Select(l => TestSpaces.Layer($"l{l}", ("d", 4), ("a", 1), ("c", 3), ("b", 2))));
        var byCost = new[] { 1, 3, 2, 0 };
        var mean = new double[4];
        for (var seed = 0UL; seed < 200; seed++)
        {
            var reward = new SyntheticReward(seed, 0);
            for (var rank = 0; rank < 4; rank++)
            {
                mean[rank] += reward.Reward(space, new Architecture([byCost[rank], 0, 0]));
            }
        }
        Assert.True(mean[0] < mean[1] && mean[1] < mean[2] && mean[2] < mean[3], string.Join(", ", mean));
    }

    [Fact]
    public void Without_interaction_the_reward_is_a_sum_of_per_layer_terms()
    {
        // Additive separability: swapping any set of layers between two architectures keeps the sum of their rewards.
        var random = new Random(1);
        var all = Space.Enumerate().ToList();
        for (var seed = 0UL; seed < 10; seed++)
        {
            var reward = new SyntheticReward(seed, 0);
            for (var trial = 0; trial < 200; trial++)
            {
                var (a, b, layers) = (all[random.Next(all.Count)], all[random.Next(all.Count)], random.Next(1 << Space.Depth));
                var (ab, ba) = (Mix(a, b, layers), Mix(b, a, layers));
                Assert.Equal(reward.Reward(Space, a) + reward.Reward(Space, b), reward.Reward(Space, ab) + reward.Reward(Space, ba), 12);
            }
        }
    }

    [Fact]
    public void Interaction_breaks_separability()
    {
        var reward = new SyntheticReward(0, 0.5);
        var all = Space.Enumerate().ToList();
        var random = new Random(2);
        var broken = Enumerable.Range(0, 50).Count(_ =>
        {
            var (a, b, layers) = (all[random.Next(all.Count)], all[random.Next(all.Count)], random.Next(1 << Space.Depth));
            var gap = reward.Reward(Space, a) + reward.Reward(Space, b) - reward.Reward(Space, Mix(a, b, layers)) - reward.Reward(Space, Mix(b, a, layers));
            return Math.Abs(gap) > 1e-9;
        });
        Assert.True(broken > 25, $"{broken} of 50 swaps broke the identity");
    }

    [Fact]
    public void Choosing_layer_by_layer_is_optimal_only_without_interaction()
    {
        var misled = 0;
        for (var seed = 0UL; seed < 20; seed++)
        {
            Assert.Equal(Best(new SyntheticReward(seed, 0)), Greedy(new SyntheticReward(seed, 0)));
            var interacting = new SyntheticReward(seed, 0.5);
            if (!Greedy(interacting).Equals(Best(interacting)))
            {
                misled++;
            }
        }
        Assert.True(misled > 0, "interactions never misled the layer-by-layer choice");
    }

    [Fact]
    public void Rejects_bad_input()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticReward(1, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticReward(1, double.NaN));
        var reward = new SyntheticReward(1);
        Assert.Contains("has 2 layers, the space has 5", Assert.Throws<ArgumentException>(() => reward.Reward(Space, new Architecture([0, 0]))).Message);
        Assert.Contains("picks option 4 of layer 'l1', which has 4", Assert.Throws<ArgumentException>(() => reward.Reward(Space, new Architecture([0, 4, 0, 0, 0]))).Message);
    }

    private static Architecture Mix(Architecture a, Architecture b, int layersFromA)
    {
        var choices = new int[a.Length];
        for (var layer = 0; layer < choices.Length; layer++)
        {
            choices[layer] = (layersFromA & (1 << layer)) != 0 ? a[layer] : b[layer];
        }
        return new Architecture(choices);
    }

    private static Architecture Best(SyntheticReward reward) => Space.Enumerate().MaxBy(a => reward.Reward(Space, a))!;

    /// <summary>Each layer's best option on its own, the others held at option 0.</summary>
    private static Architecture Greedy(SyntheticReward reward)
    {
        var zero = new Architecture(new int[Space.Depth]);
        var choices = Enumerable.Range(0, Space.Depth)
            .Select(layer => Enumerable.Range(0, Space.OptionCount(layer)).MaxBy(o => reward.Reward(Space, zero.With(layer, o))))
            .ToArray();
        return new Architecture(choices);
    }
}
