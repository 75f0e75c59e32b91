using LayerNas.Core.Baselines;
using LayerNas.Core.Search;
using LayerNas.Core.Space;
using LayerNas.Core.Strategies;

namespace LayerNas.Core.Tests.Baselines;

/// <summary>The baselines by name, and helpers to run them through a search state.</summary>
internal static class Baselines
{
    public static readonly TheoryData<string> Names = new("grid", "random", "evolution", "reinforce", "ppo");

    public static readonly TheoryData<string> Seeded = new("random", "evolution", "reinforce", "ppo");

    /// <summary>A baseline with small rounds, so a short search spans many of them.</summary>
    public static ISearchStrategy Create(string name, SearchProblem problem, ulong seed) => name switch
    {
        "grid" => new GridSearch(problem),
        "random" => new RandomSearch(problem, seed),
        "evolution" => new RegularizedEvolution(problem, seed, population: 10, sampleSize: 3, batch: 4),
        "reinforce" => new ReinforceSearch(problem, seed, batch: 4),
        "ppo" => new PpoSearch(problem, seed, batch: 4),
        _ => throw new ArgumentException(name),
    };

    /// <summary>A 4-layer space of 4 options each whose target admits a good share, but not all, of its 256 architectures.</summary>
    public static SearchProblem MidTarget()
    {
        var space = TestSpaces.RandomSpace(new Random(7), layers: 4, options: 4, maxCost: 6);
        var span = new global::LayerNas.Core.Costs.AdditiveCostModel(space).CompletionBounds(Architecture.Empty);
        return TestSpaces.Additive(space, span.Min + (span.Max - span.Min) * 0.3, span.Min + (span.Max - span.Min) * 0.7);
    }

    public static List<Architecture> Feasible(SearchProblem problem) => [.. problem.Space.Enumerate().Where(problem.IsFeasible)];

    /// <summary>Settled trials as (number, architecture, reward) in number order: the whole observable history of a search.</summary>
    public static List<(long Number, Architecture Architecture, double? Reward)> History(SearchState state) =>
        [.. state.Settled.OrderBy(t => t.Number).Select(t => (t.Number, t.Architecture, t.Outcome?.Reward))];

    /// <summary>The architectures a strategy proposes when every proposal is answered at once in proposal order.</summary>
    public static List<Architecture> Proposals(ISearchStrategy strategy, Func<Architecture, double?> reward, int count)
    {
        var proposed = new List<Architecture>();
        while (proposed.Count < count && !strategy.IsDone)
        {
            var round = strategy.Propose();
            if (round.Count == 0)
            {
                break;
            }
            proposed.AddRange(round);
            foreach (var architecture in round)
            {
                strategy.Report(architecture, reward(architecture));
            }
        }
        return proposed.Take(count).ToList();
    }
}
