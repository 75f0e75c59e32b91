using LayerNas.Core.Baselines;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Baselines;

public sealed class RegularizedEvolutionTests
{
    private static readonly SearchProblem Problem = Baselines.MidTarget();

    private static int Distance(Architecture a, Architecture b) => Enumerable.Range(0, a.Length).Count(l => a[l] != b[l]);

    [Fact]
    public void Founds_a_population_of_distinct_feasible_architectures_first()
    {
        var evolution = new RegularizedEvolution(Problem, 1, population: 12, sampleSize: 4, batch: 5);
        var founders = evolution.Propose();
        Assert.Equal(12, founders.Count);
        Assert.Equal(12, founders.Distinct().Count());
        Assert.All(founders, a => Assert.True(Problem.IsFeasible(a)));
        Assert.Empty(evolution.Propose());
    }

    [Fact]
    public void Children_join_in_proposal_order_and_the_oldest_members_die()
    {
        var evolution = new RegularizedEvolution(Problem, 2, population: 12, sampleSize: 4, batch: 5);
        var founders = evolution.Propose();
        foreach (var architecture in founders.Reverse())
        {
            evolution.Report(architecture, 0.1 * architecture[0]);
        }
        var children = evolution.Propose();
        Assert.Equal(5, children.Count);
        Assert.Equal(founders, evolution.Population.Select(m => m.Architecture));
        foreach (var architecture in children.Reverse())
        {
            evolution.Report(architecture, 0.5);
        }
        Assert.Equal(5, evolution.Propose().Count);
        Assert.Equal([.. founders.Skip(5), .. children], evolution.Population.Select(m => m.Architecture));
    }

    [Fact]
    public void Each_child_moves_one_layer_of_a_tournament_winner()
    {
        // A tournament of the whole population always picks its best member.
        var evolution = new RegularizedEvolution(Problem, 3, population: 8, sampleSize: 8, batch: 8);
        var founders = evolution.Propose();
        var best = founders.MaxBy(a => a.GetHashCode())!;
        foreach (var architecture in founders)
        {
            evolution.Report(architecture, architecture.Equals(best) ? 1 : 0);
        }
        var children = evolution.Propose();
        Assert.All(children, child => Assert.Equal(1, Distance(child, best)));
        Assert.All(children, child => Assert.True(Problem.IsFeasible(child)));
    }

    [Fact]
    public void Failed_trials_never_join_and_the_population_is_topped_up()
    {
        var evolution = new RegularizedEvolution(Problem, 4, population: 10, sampleSize: 3, batch: 4);
        var proposed = Baselines.Proposals(evolution, a => a[0] == 1 ? null : 0.5, 200);
        Assert.Contains(proposed, a => a[0] == 1);
        Assert.Equal(10, evolution.Population.Count);
        Assert.DoesNotContain(evolution.Population, m => m.Architecture[0] == 1);
    }

    [Fact]
    public void A_child_without_a_feasible_neighbour_is_its_parent()
    {
        // Only the two architectures costing exactly 0 are feasible and they differ in one layer; the target admits
        // nothing else, so once both were tried the search ends by itself.
        var space = new SearchSpace([TestSpaces.Layer("a", ("x", 0), ("y", 5)), TestSpaces.Layer("b", ("x", 0), ("y", 0), ("z", 5))]);
        var problem = TestSpaces.Additive(space, 0, 0);
        var evolution = new RegularizedEvolution(problem, 5, population: 1, sampleSize: 1, batch: 3);
        var founders = evolution.Propose();
        Assert.Single(founders);
        evolution.Report(founders[0], 1);
        var children = evolution.Propose();
        Assert.All(children, c => Assert.True(problem.IsFeasible(c)));
        Assert.Contains(children, c => !c.Equals(founders[0]));
    }

    [Fact]
    public void Finds_the_few_feasible_architectures_of_a_tight_target_and_ends()
    {
        var space = new SearchSpace(Enumerable.Range(0, 5).Select(l => TestSpaces.Layer($"l{l}", [.. Enumerable.Range(0, 10).Select(o => ($"o{o}", (double)(o == 0 || (l == 0 && o == 1) ? 0 : o)))])));
        var problem = TestSpaces.Additive(space, 0, 0);
        var evolution = new RegularizedEvolution(problem, 1);
        Assert.Equal(["0:0:0:0:0", "1:0:0:0:0"], Baselines.Proposals(evolution, _ => 0.5, 100).Select(a => a.ToString()).Order());
        Assert.True(evolution.IsDone);
    }

    [Fact]
    public void Rejects_settings_that_cannot_work()
    {
        Assert.Contains("at least one member", Assert.Throws<ArgumentOutOfRangeException>(() => new RegularizedEvolution(Problem, 1, population: 0)).Message);
        Assert.Contains("between 1 and the population (5)", Assert.Throws<ArgumentOutOfRangeException>(() => new RegularizedEvolution(Problem, 1, population: 5, sampleSize: 6)).Message);
        Assert.Contains("between 1 and the population", Assert.Throws<ArgumentOutOfRangeException>(() => new RegularizedEvolution(Problem, 1, sampleSize: 0)).Message);
        Assert.Contains("at least one child", Assert.Throws<ArgumentOutOfRangeException>(() => new RegularizedEvolution(Problem, 1, batch: 0)).Message);
    }

    [Fact]
    public void Exposes_the_published_defaults()
    {
        Assert.Equal((50, 10, 8), (RegularizedEvolution.DefaultPopulation, RegularizedEvolution.DefaultSampleSize, RegularizedEvolution.DefaultBatch));
        Assert.Equal("evolution", new RegularizedEvolution(Problem, 1).Name);
    }
}
