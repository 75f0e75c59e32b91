using LayerNas.Core.Baselines;
using LayerNas.Core.Costs;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Tests.Baselines;

public sealed class GridSearchTests
{
    [Fact]
    public void Trains_exactly_the_feasible_set_and_finds_the_exact_constrained_optimum()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var space = TestSpaces.RandomSpace(random, layers: random.Next(1, 6), options: random.Next(1, 6), maxCost: 6);
            var span = new AdditiveCostModel(space).CompletionBounds(Architecture.Empty);
            var low = random.Next((int)span.Min, (int)span.Max + 1);
            var high = random.Next(low, (int)span.Max + 1);
            var problem = TestSpaces.Additive(space, low, high);
            var reward = TestSpaces.InteractingReward(space, seed);

            var state = TestSpaces.Drive(new SearchState(problem, new GridSearch(problem)), a => reward(a), shuffleSeed: seed);

            var feasible = Baselines.Feasible(problem);
            Assert.Equal(feasible, state.Settled.OrderBy(t => t.Number).Select(t => t.Architecture));
            Assert.Equal(TestSpaces.Optimum(problem, reward), state.Settled.Select(t => t.Outcome!.Reward).DefaultIfEmpty(double.NaN).Max() is var best && double.IsNaN(best) ? null : best);
            Assert.Equal(0, state.TrialsCached);
        }
    }

    [Fact]
    public void Proposes_in_chunks_and_refills_as_soon_as_less_than_a_chunk_is_outstanding()
    {
        var space = new SearchSpace(Enumerable.Range(0, 6).Select(l => TestSpaces.Layer($"l{l}", ("a", 1), ("b", 2), ("c", 3), ("d", 4))));
        var problem = TestSpaces.Additive(space, 0, 100);
        var grid = new GridSearch(problem);

        var first = grid.Propose();
        Assert.Equal(GridSearch.Chunk, first.Count);
        Assert.Empty(grid.Propose());
        grid.Report(first[0], 1);
        var second = grid.Propose();
        Assert.Equal(GridSearch.Chunk, second.Count);
        Assert.True(first[^1].CompareTo(second[0]) < 0);
        Assert.Empty(grid.Propose());
        Assert.Equal(new(1, 1, 1, 4096), grid.Progress);
        Assert.False(grid.IsDone);
    }

    [Fact]
    public void Walks_a_space_too_large_to_count_without_materialising_it()
    {
        var space = new SearchSpace(Enumerable.Range(0, 40).Select(l => TestSpaces.Layer($"l{l}", ("a", 1), ("b", 2), ("c", 3))));
        var problem = TestSpaces.Additive(space, 0, 1_000);
        var grid = new GridSearch(problem);

        var first = grid.Propose();
        Assert.Equal(GridSearch.Chunk, first.Count);
        Assert.All(first, a => Assert.True(problem.IsFeasible(a)));
        Assert.Equal(int.MaxValue, grid.Progress.Total);
    }

    [Fact]
    public void Skips_prefixes_that_cannot_reach_the_target_and_ends_when_the_walk_does()
    {
        var problem = TestSpaces.Additive(TestSpaces.Burger(), 11, 12);
        var grid = new GridSearch(problem);
        var names = grid.Propose().Select(a => string.Join('+', problem.Space.Names(a)));
        Assert.Equal(["brioche+wagyu+truffle", "pretzel+beef+truffle", "pretzel+wagyu+bacon", "pretzel+wagyu+truffle"], names);
        Assert.True(grid.IsDone);
        Assert.Equal(4, grid.Progress.Total);
    }
}
