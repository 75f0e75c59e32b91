namespace LayerNas.Cluster.Dispatch;

/// <summary>Settings of the trial dispatcher.</summary>
public sealed class TrialDispatcherSettings
{
    /// <summary>Time past a trial's own timeout before a silent lease expires and the trial is retried elsewhere.</summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are checked for expiry.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);
}
