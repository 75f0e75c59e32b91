using LayerNas.Core.Costs;

namespace LayerNas.Core.Charts;

/// <summary>The best reward inside the cost target as trials were trained: the curve that shows how fast a search found its answer.</summary>
public static class BestSoFar
{
    /// <summary>
    /// One step per improvement, as (trials trained so far, best reward), from points in the order they were trained,
    /// and a last step at the final count; empty while no trained trial lies in the target.
    /// </summary>
    public static IReadOnlyList<(int Trials, double Reward)> Of(IReadOnlyList<ChartPoint> trained, CostTarget target)
    {
        var steps = new List<(int Trials, double Reward)>();
        for (var i = 0; i < trained.Count; i++)
        {
            var point = trained[i];
            if (target.Contains(point.Cost) && (steps.Count == 0 || point.Reward > steps[^1].Reward))
            {
                steps.Add((i + 1, point.Reward));
            }
        }
        if (steps.Count > 0 && steps[^1].Trials < trained.Count)
        {
            steps.Add((trained.Count, steps[^1].Reward));
        }
        return steps;
    }
}
