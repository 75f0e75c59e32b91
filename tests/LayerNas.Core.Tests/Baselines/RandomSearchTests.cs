using LayerNas.Core.Baselines;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Baselines;

public sealed class RandomSearchTests
{
    [Fact]
    public void Proposes_every_feasible_architecture_once_then_ends()
    {
        var problem = Baselines.MidTarget();
        var search = new RandomSearch(problem, 3);
        var proposed = Baselines.Proposals(search, _ => 0.5, int.MaxValue);
        Assert.True(search.IsDone);
        Assert.Equal(Baselines.Feasible(problem), proposed.Order());
        Assert.Equal(proposed.Count, proposed.Distinct().Count());
    }

    [Fact]
    public void Draws_uniformly_from_the_feasible_architectures()
    {
        var problem = Baselines.MidTarget();
        var feasible = Baselines.Feasible(problem);
        var firsts = new Dictionary<Architecture, int>();
        const int Seeds = 2_000;
        for (var seed = 0UL; seed < Seeds; seed++)
        {
            foreach (var architecture in new RandomSearch(problem, seed).Propose().Take(10))
            {
                firsts[architecture] = firsts.GetValueOrDefault(architecture) + 1;
            }
        }
        // Each feasible architecture is among the first ten draws of a seed with probability 10 / |feasible|; the bounds
        // are more than four standard deviations wide.
        var expected = Seeds * 10.0 / feasible.Count;
        Assert.Equal(feasible.Count, firsts.Count);
        Assert.All(firsts.Values, count => Assert.InRange(count, expected * 0.6, expected * 1.4));
    }

    [Fact]
    public void Finds_the_few_feasible_architectures_of_a_tight_target()
    {
        // 10^5 architectures, only those with cost exactly 0 are feasible: far below one accepted draw in a thousand.
        var space = new SearchSpace(Enumerable.Range(0, 5).Select(l => TestSpaces.Layer($"l{l}", [.. Enumerable.Range(0, 10).Select(o => ($"o{o}", (double)(o == 0 || (l == 0 && o == 1) ? 0 : o)))])));
        var problem = TestSpaces.Additive(space, 0, 0);
        var search = new RandomSearch(problem, 1);
        var proposed = Baselines.Proposals(search, _ => 0.5, int.MaxValue);
        Assert.Equal(["0:0:0:0:0", "1:0:0:0:0"], proposed.Select(a => a.ToString()).Order());
        Assert.True(search.IsDone);
    }

    [Fact]
    public void Gives_up_on_a_space_too_large_to_count_when_rejection_keeps_failing()
    {
        var space = new SearchSpace(Enumerable.Range(0, 30).Select(l => TestSpaces.Layer($"l{l}", ("a", 1), ("b", 2))));
        var problem = TestSpaces.Additive(space, 30, 30);
        var search = new RandomSearch(problem, 1);
        Assert.Empty(search.Propose());
        Assert.True(search.IsDone);
    }

    [Fact]
    public void Keeps_at_most_two_rounds_outstanding()
    {
        var problem = TestSpaces.Additive(TestSpaces.RandomSpace(new Random(1), 6, 5, 4), 0, 100);
        var search = new RandomSearch(problem, 1);
        var first = search.Propose();
        Assert.Equal(RandomSearch.Batch, first.Count);
        Assert.Empty(search.Propose());
        search.Report(first[0], 0.1);
        Assert.Equal(RandomSearch.Batch, search.Propose().Count);
        Assert.Empty(search.Propose());
        Assert.Equal(new(1, 1, 1, 2 * RandomSearch.Batch), search.Progress);
    }

    [Fact]
    public void The_proposal_sequence_depends_on_the_seed_alone()
    {
        var problem = Baselines.MidTarget();
        var rewarded = Baselines.Proposals(new RandomSearch(problem, 8), a => a[0], 100);
        var failed = Baselines.Proposals(new RandomSearch(problem, 8), _ => null, 100);
        Assert.Equal(rewarded, failed);
    }
}
