namespace LayerNas.Core.Charts;

/// <summary>The cost–reward Pareto front of trained trials: those no other trial beats on both cost and reward.</summary>
public static class ParetoFront
{
    /// <summary>The non-dominated points, cheapest first (each earns more than every cheaper one); equal points keep the lowest trial number.</summary>
    public static IReadOnlyList<ChartPoint> Of(IEnumerable<ChartPoint> points)
    {
        var front = new List<ChartPoint>();
        foreach (var point in points.OrderBy(p => p.Cost).ThenByDescending(p => p.Reward).ThenBy(p => p.Number))
        {
            if (front.Count == 0 || point.Reward > front[^1].Reward)
            {
                front.Add(point);
            }
        }
        return front;
    }
}
