namespace LayerNas.Core.Charts;

/// <summary>One trained trial as charts draw it.</summary>
/// <param name="Number">The trial's number.</param>
/// <param name="Cost">What the search's cost model charges for its architecture.</param>
/// <param name="Reward">What training it earned.</param>
public readonly record struct ChartPoint(long Number, double Cost, double Reward);
