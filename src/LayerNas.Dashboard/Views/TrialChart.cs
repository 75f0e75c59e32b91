using System.Globalization;
using LayerNas.Core.Charts;
using LayerNas.Core.Costs;

namespace LayerNas.Dashboard.Views;

/// <summary>What a search's charts draw, as the lists the charting library takes: every trained trial, the Pareto front, the target band and the best-so-far steps.</summary>
/// <param name="Costs">Each trained trial's cost.</param>
/// <param name="Rewards">Each trained trial's reward.</param>
/// <param name="Labels">Each trained trial's hover label.</param>
/// <param name="FrontCosts">The Pareto front's costs, cheapest first.</param>
/// <param name="FrontRewards">The Pareto front's rewards.</param>
/// <param name="BestTrials">Trials trained at each best-so-far step.</param>
/// <param name="BestRewards">The best reward inside the target at each step.</param>
/// <param name="TargetBand">The target's cost range when it is bounded on either side; null for any cost.</param>
public sealed record TrialChart(
    IList<object> Costs, IList<object> Rewards, IList<string> Labels, IList<object> FrontCosts, IList<object> FrontRewards,
    IList<object> BestTrials, IList<object> BestRewards, (double Min, double Max)? TargetBand)
{
    /// <summary>The chart of <paramref name="points"/>, in the order they were trained.</summary>
    public static TrialChart Of(IReadOnlyList<ChartPoint> points, CostTarget target)
    {
        var front = ParetoFront.Of(points);
        var best = BestSoFar.Of(points, target);
        (double, double)? band = target.Min > 0 || !double.IsPositiveInfinity(target.Max)
            ? (target.Min, double.IsPositiveInfinity(target.Max) ? points.Select(p => p.Cost).DefaultIfEmpty(target.Min).Max() : target.Max)
            : null;
        return new TrialChart(
            [.. points.Select(p => (object)p.Cost)],
            [.. points.Select(p => (object)p.Reward)],
            [.. points.Select(p => string.Create(CultureInfo.InvariantCulture, $"trial {p.Number}"))],
            [.. front.Select(p => (object)p.Cost)],
            [.. front.Select(p => (object)p.Reward)],
            [.. best.Select(s => (object)s.Trials)],
            [.. best.Select(s => (object)s.Reward)],
            band);
    }
}
