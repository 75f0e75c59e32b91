using LayerNas.Core.Simulation;

namespace LayerNas.UtilizationBench;

/// <summary>One search measured on some slots: its wall time, when its trials ran, and the zero-overhead ideal of the same schedule.</summary>
internal sealed record Measurement(string Mode, int Slots, string Schedule, TimeSpan Wall, TrialTimeline Timeline, SimulatedRun Ideal)
{
    /// <summary>Σ trial time ÷ (slots × span from the first trial's start to the last one's end).</summary>
    public double Efficiency => Timeline.BusySeconds / (Slots * Timeline.Span);

    /// <summary>Trained trials per second of wall time.</summary>
    public double TrialsPerSecond => Timeline.Trials.Count / Wall.TotalSeconds;

    /// <summary>The measured efficiency as a share of the ideal one (equally: the ideal span over the measured span).</summary>
    public double OfIdeal => Efficiency / Ideal.Efficiency;
}
