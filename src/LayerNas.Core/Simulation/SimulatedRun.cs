namespace LayerNas.Core.Simulation;

/// <summary>What a simulated run did: every trial's place in time, and how busy it kept its slots.</summary>
public sealed record SimulatedRun(int Slots, IReadOnlyList<SimulatedTrial> Trials)
{
    /// <summary>From the first trial's start to the last one's end, in seconds.</summary>
    public double Span => Trials.Count == 0 ? 0 : Trials.Max(t => t.End) - Trials.Min(t => t.Start);

    /// <summary>The trials' durations summed.</summary>
    public double BusySeconds => Trials.Sum(t => t.End - t.Start);

    /// <summary>Busy time over the slots' time during the span: 1 when no slot ever waits.</summary>
    public double Efficiency => Span > 0 ? BusySeconds / (Slots * Span) : 1;
}
