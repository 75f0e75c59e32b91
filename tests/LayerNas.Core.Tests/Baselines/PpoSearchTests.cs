using LayerNas.Core.Baselines;
using LayerNas.Core.Search;

namespace LayerNas.Core.Tests.Baselines;

public sealed class PpoSearchTests
{
    private static readonly SearchProblem Unconstrained = TestSpaces.Additive(TestSpaces.RandomSpace(new Random(2), 4, 4, 5), 0, 100);

    private static double? Favoured(Space.Architecture a) => a[0] == 2 ? 0.9 : 0.8;

    [Fact]
    public void The_policy_starts_uniform_and_learns_which_options_pay()
    {
        var search = new PpoSearch(Unconstrained, 1);
        Assert.All(Enumerable.Range(0, 4), layer => Assert.All(search.Policy(layer), p => Assert.Equal(0.25, p, 12)));
        Baselines.Proposals(search, Favoured, 200);
        Assert.True(search.Policy(0)[2] > 0.6, string.Join(", ", search.Policy(0)));
    }

    [Fact]
    public void With_one_epoch_it_is_reinforce_step_for_step()
    {
        var ppo = new PpoSearch(Unconstrained, 3, learningRate: 0.1, batch: 5, baselineDecay: 0.8, epochs: 1);
        var reinforce = new ReinforceSearch(Unconstrained, 3, learningRate: 0.1, batch: 5, baselineDecay: 0.8);
        Assert.Equal(Baselines.Proposals(reinforce, Favoured, 300), Baselines.Proposals(ppo, Favoured, 300));
        Assert.All(Enumerable.Range(0, 4), layer => Assert.Equal(reinforce.Policy(layer), ppo.Policy(layer)));
    }

    [Fact]
    public void More_epochs_learn_more_from_a_round_and_the_clip_holds_them_back()
    {
        double AfterOneRound(int epochs, double clip)
        {
            var search = new PpoSearch(Unconstrained, 5, batch: 32, epochs: epochs, clip: clip);
            Baselines.Proposals(search, Favoured, 32);
            search.Propose();
            return search.Policy(0)[2];
        }

        var single = AfterOneRound(1, 0.2);
        var several = AfterOneRound(8, 0.2);
        var clipped = AfterOneRound(8, 0.01);
        Assert.True(several > single && clipped < several, $"1 epoch {single}, 8 epochs {several}, 8 epochs clipped at 0.01 {clipped}");
    }

    [Fact]
    public void Failed_trials_teach_nothing()
    {
        var search = new PpoSearch(Unconstrained, 1);
        Baselines.Proposals(search, _ => null, 80);
        Assert.All(Enumerable.Range(0, 4), layer => Assert.All(search.Policy(layer), p => Assert.Equal(0.25, p, 12)));
    }

    [Fact]
    public void Rejects_settings_that_cannot_work()
    {
        Assert.Contains("positive number", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, learningRate: -1)).Message);
        Assert.Contains("at least one sample", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, batch: 0)).Message);
        Assert.Contains("[0, 1)", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, baselineDecay: -0.5)).Message);
        Assert.Contains("clip range", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, clip: 0)).Message);
        Assert.Contains("clip range", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, clip: double.NaN)).Message);
        Assert.Contains("1 … 100", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, epochs: 0)).Message);
        Assert.Contains("1 … 100", Assert.Throws<ArgumentOutOfRangeException>(() => new PpoSearch(Unconstrained, 1, epochs: 101)).Message);
    }

    [Fact]
    public void Exposes_the_published_defaults()
    {
        Assert.Equal((0.02, 8, 0.9, 0.2, 8), (PpoSearch.DefaultLearningRate, PpoSearch.DefaultBatch, PpoSearch.DefaultBaselineDecay, PpoSearch.DefaultClip, PpoSearch.DefaultEpochs));
        Assert.Equal("ppo", new PpoSearch(Unconstrained, 1).Name);
    }
}
