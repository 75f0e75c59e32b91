namespace LayerNas.Cluster.Dispatch;

/// <summary>What the dispatcher made of a worker's result.</summary>
public enum ReportKind
{
    /// <summary>The trial was not active, or the failure came from a superseded lease: acknowledge and ignore it.</summary>
    Duplicate,

    /// <summary>A failed attempt with retries left: the trial is queued again.</summary>
    Retried,

    /// <summary>The trial's final result (a success, or the failure that used up its retries): forward it to the coordinator.</summary>
    Final,
}
