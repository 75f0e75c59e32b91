using System.Collections.Immutable;
using LayerNas.Core.Search;
using LayerNas.Core.Space;

namespace LayerNas.Core.Benchmarking;

/// <summary>
/// The true constrained optimum of a benchmark table: the architecture in the target with the best reward, that
/// reward taken as the mean over the table's training seeds; <see cref="Metric"/> is its test metric, likewise averaged.
/// </summary>
/// <param name="Architecture">The optimum (among equal rewards: the cheapest, then the canonically first).</param>
/// <param name="Key">Its table key.</param>
/// <param name="Cost">Its cost.</param>
/// <param name="Reward">Its mean reward.</param>
/// <param name="Metric">Its mean test metric, or null when the table has no value for it.</param>
/// <param name="Optima">Every architecture in the target with that same mean reward: reaching any of them reaches the optimum.</param>
public sealed record TableOptimum(Architecture Architecture, string Key, double Cost, double Reward, double? Metric, ImmutableHashSet<Architecture> Optima)
{
    /// <summary>
    /// Finds the optimum among the table's keys that name an architecture of the problem's space whose cost lies in
    /// the target and whose reward is not empty; null when there is none.
    /// </summary>
    public static TableOptimum? Find(SearchProblem problem, ComparisonTable table)
    {
        var space = problem.Space;
        var optionIndex = space.Layers
            .Select(layer => layer.Options.Select((option, index) => (option.Name, index)).ToDictionary(o => o.Name, o => o.index, StringComparer.Ordinal))
            .ToArray();
        var candidates = new List<(Architecture Architecture, string Key, double Cost, double Reward)>();
        foreach (var key in table.Table.Keys)
        {
            if (ArchitectureOf(key, optionIndex) is not { } architecture)
            {
                continue;
            }
            var cost = problem.CostModel.Cost(architecture);
            if (problem.Target.Contains(cost) && table.Table.Mean(key, table.RewardColumn) is { } reward)
            {
                candidates.Add((architecture, key, cost, reward));
            }
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        var best = candidates.Max(c => c.Reward);
        var optima = candidates.Where(c => c.Reward == best).OrderBy(c => c.Cost).ThenBy(c => c.Architecture).ToList();
        var first = optima[0];
        return new TableOptimum(first.Architecture, first.Key, first.Cost, best, table.Table.Mean(first.Key, table.Metric),
            [.. optima.Select(o => o.Architecture)]);
    }

    private static Architecture? ArchitectureOf(string key, Dictionary<string, int>[] optionIndex)
    {
        var names = key.Split(':');
        if (names.Length != optionIndex.Length)
        {
            return null;
        }
        var choices = new int[names.Length];
        for (var layer = 0; layer < names.Length; layer++)
        {
            if (!optionIndex[layer].TryGetValue(names[layer], out choices[layer]))
            {
                return null;
            }
        }
        return new Architecture(choices);
    }
}
