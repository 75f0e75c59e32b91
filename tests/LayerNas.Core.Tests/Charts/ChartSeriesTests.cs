using LayerNas.Core.Charts;
using LayerNas.Core.Costs;

namespace LayerNas.Core.Tests.Charts;

public sealed class ChartSeriesTests
{
    [Fact]
    public void The_pareto_front_keeps_the_points_no_cheaper_point_earns_as_much_as()
    {
        ChartPoint[] points = [new(1, 5, 0.5), new(2, 3, 0.4), new(3, 4, 0.4), new(4, 6, 0.7), new(5, 6, 0.6), new(6, 2, 0.1), new(7, 3, 0.4)];

        var front = ParetoFront.Of(points);

        Assert.Equal([6L, 2, 1, 4], front.Select(p => p.Number));
    }

    [Fact]
    public void Best_so_far_steps_at_each_improvement_inside_the_target_and_ends_at_the_last_trial()
    {
        var target = new CostTarget(5, 8);
        ChartPoint[] trained = [new(1, 9, 0.9), new(2, 6, 0.3), new(3, 7, 0.2), new(4, 5, 0.5), new(5, 4, 0.95), new(6, 8, 0.5)];

        var steps = BestSoFar.Of(trained, target);

        Assert.Equal([(2, 0.3), (4, 0.5), (6, 0.5)], steps);
        Assert.Empty(BestSoFar.Of([new(1, 9, 0.9)], target));
    }
}
