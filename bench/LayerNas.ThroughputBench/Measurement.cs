namespace LayerNas.ThroughputBench;

/// <summary>One search timed from submission to its finished result.</summary>
/// <param name="CoordinatorCpu">CPU time the coordinator process spent on the search.</param>
/// <param name="WorkerCpu">CPU time the two worker processes spent on it together.</param>
internal sealed record Measurement(string Storage, long Trials, long Persisted, TimeSpan Elapsed, TimeSpan CoordinatorCpu, TimeSpan WorkerCpu)
{
    public double TrialsPerSecond => Trials / Elapsed.TotalSeconds;
}
