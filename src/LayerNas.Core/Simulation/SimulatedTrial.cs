using LayerNas.Core.Search;

namespace LayerNas.Core.Simulation;

/// <summary>A trial as a simulated run placed it: when it started and ended, in seconds from the run's start.</summary>
public sealed record SimulatedTrial(Trial Trial, double Start, double End);
