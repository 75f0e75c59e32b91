namespace LayerNas.ThroughputBench;

/// <summary>One search timed from submission to its finished result.</summary>
internal sealed record Measurement(string Storage, long Trials, long Persisted, TimeSpan Elapsed)
{
    public double TrialsPerSecond => Trials / Elapsed.TotalSeconds;
}
