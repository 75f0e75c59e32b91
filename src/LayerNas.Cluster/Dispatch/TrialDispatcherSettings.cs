namespace LayerNas.Cluster.Dispatch;

/// <summary>Settings of the trial dispatcher.</summary>
public sealed class TrialDispatcherSettings
{
    /// <summary>Time past a trial's own timeout before a silent lease expires and the trial is retried elsewhere.</summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are checked for expiry.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the slots' utilization is sampled for the dashboard.</summary>
    public TimeSpan UtilizationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many utilization samples are kept (at the default interval, the last two hours).</summary>
    public int UtilizationSamples { get; set; } = 1440;
}
