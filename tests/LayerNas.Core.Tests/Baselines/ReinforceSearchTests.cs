using LayerNas.Core.Baselines;
using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Baselines;

public sealed class ReinforceSearchTests
{
    private static readonly SearchProblem Unconstrained = TestSpaces.Additive(TestSpaces.RandomSpace(new Random(2), 4, 4, 5), 0, 100);

    [Fact]
    public void The_policy_starts_uniform_and_learns_which_options_pay()
    {
        var search = new ReinforceSearch(Unconstrained, 1);
        Assert.All(Enumerable.Range(0, 4), layer => Assert.All(search.Policy(layer), p => Assert.Equal(0.25, p, 12)));
        Baselines.Proposals(search, a => a[0] == 2 ? 0.9 : 0.8, 400);
        Assert.True(search.Policy(0)[2] > 0.6, string.Join(", ", search.Policy(0)));
        // Layers that do not matter stay close to uniform.
        Assert.All(search.Policy(1), p => Assert.InRange(p, 0.1, 0.4));
    }

    [Fact]
    public void The_step_hardly_depends_on_the_scale_of_the_rewards()
    {
        var small = new ReinforceSearch(Unconstrained, 1);
        var large = new ReinforceSearch(Unconstrained, 1);
        Assert.Equal(
            Baselines.Proposals(small, a => a[0] == 2 ? 0.9 : 0.8, 200),
            Baselines.Proposals(large, a => a[0] == 2 ? 90 : 80, 200));
        // Only Adam's ε sees the scale.
        Assert.Equal(small.Policy(0), large.Policy(0), (x, y) => Math.Abs(x - y) < 1e-5);
    }

    [Fact]
    public void Failed_trials_teach_nothing()
    {
        var search = new ReinforceSearch(Unconstrained, 1);
        Baselines.Proposals(search, _ => null, 80);
        Assert.All(Enumerable.Range(0, 4), layer => Assert.All(search.Policy(layer), p => Assert.Equal(0.25, p, 12)));
    }

    [Fact]
    public void Samples_again_until_the_architecture_lies_in_the_target()
    {
        var problem = Baselines.MidTarget();
        var proposed = Baselines.Proposals(new ReinforceSearch(problem, 3), a => a[1] * 0.1, 300);
        Assert.Equal(300, proposed.Count);
        Assert.All(proposed, a => Assert.True(problem.IsFeasible(a)));
    }

    [Fact]
    public void Falls_back_to_uniform_draws_when_the_policy_rarely_hits_the_target()
    {
        var space = new SearchSpace(Enumerable.Range(0, 5).Select(l => TestSpaces.Layer($"l{l}", [.. Enumerable.Range(0, 10).Select(o => ($"o{o}", (double)(o == 0 || (l == 0 && o == 1) ? 0 : o)))])));
        var problem = new SearchProblem(space, new AdditiveCostModel(space), new CostTarget(0, 0));
        var search = new ReinforceSearch(problem, 1);
        Assert.Equal(["0:0:0:0:0", "1:0:0:0:0"], Baselines.Proposals(search, _ => 0.5, 100).Distinct().Select(a => a.ToString()).Order());
        Assert.True(search.IsDone);
    }

    [Fact]
    public void Rejects_settings_that_cannot_work()
    {
        Assert.Contains("positive number", Assert.Throws<ArgumentOutOfRangeException>(() => new ReinforceSearch(Unconstrained, 1, learningRate: 0)).Message);
        Assert.Contains("positive number", Assert.Throws<ArgumentOutOfRangeException>(() => new ReinforceSearch(Unconstrained, 1, learningRate: double.PositiveInfinity)).Message);
        Assert.Contains("at least one sample", Assert.Throws<ArgumentOutOfRangeException>(() => new ReinforceSearch(Unconstrained, 1, batch: 0)).Message);
        Assert.Contains("[0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new ReinforceSearch(Unconstrained, 1, baselineDecay: 1)).Message);
        Assert.Contains("[0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new ReinforceSearch(Unconstrained, 1, baselineDecay: double.NaN)).Message);
    }

    [Fact]
    public void Exposes_the_published_defaults()
    {
        Assert.Equal((0.05, 8, 0.9), (ReinforceSearch.DefaultLearningRate, ReinforceSearch.DefaultBatch, ReinforceSearch.DefaultBaselineDecay));
        Assert.Equal("reinforce", new ReinforceSearch(Unconstrained, 1).Name);
    }
}
