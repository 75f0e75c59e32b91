namespace LayerNas.Core.Benchmarking;

/// <summary>Which strategies a comparison runs, under which trial budgets, how many seeded runs each, and on how many threads.</summary>
/// <param name="Strategies">Strategy names as specs spell them, in the order reports list them.</param>
/// <param name="Budgets">Trial budgets (max trials), in any order.</param>
/// <param name="Runs">Seeded runs per strategy and budget; run r (1-based) uses seed r.</param>
/// <param name="Parallelism">Threads the runs are spread over: it changes how long a comparison takes, never its figures.</param>
public sealed record ComparisonPlan(IReadOnlyList<string> Strategies, IReadOnlyList<long> Budgets, int Runs, int Parallelism = 1)
{
    /// <summary>The strategies compared when none are named: LayerNAS, the paper's baselines (random, evolution, PPO) and REINFORCE.</summary>
    public static IReadOnlyList<string> DefaultStrategies { get; } = ["layernas", "random", "evolution", "reinforce", "ppo"];

    /// <summary>The trial budgets used when none are named.</summary>
    public static IReadOnlyList<long> DefaultBudgets { get; } = [25, 50, 100, 200, 400];

    /// <summary>Seeded runs per strategy and budget when not told otherwise.</summary>
    public const int DefaultRuns = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot be run.</summary>
    public void Check()
    {
        if (Strategies.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one strategy");
        }
        if (Strategies.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"strategy '{repeated.Key}' is named twice");
        }
        if (Budgets.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one budget");
        }
        if (Budgets.Any(b => b <= 0))
        {
            throw new ArgumentException($"budget {Budgets.First(b => b <= 0)} is not a positive number of trials");
        }
        if (Budgets.GroupBy(b => b).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"budget {twice.Key} is named twice");
        }
        if (Runs < 1)
        {
            throw new ArgumentException($"runs must be at least 1, not {Runs}");
        }
        if (Parallelism < 1)
        {
            throw new ArgumentException($"parallelism must be at least 1, not {Parallelism}");
        }
    }
}
