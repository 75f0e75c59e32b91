namespace LayerNas.Cluster.Workers;

/// <summary>Settings of a node's worker pool.</summary>
public sealed class WorkerPoolSettings
{
    /// <summary>Worker slots on this node: trials trained at once.</summary>
    public int Slots { get; set; } = 1;

    /// <summary>How often a slot re-sends a request or a report that is not yet answered.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long shutdown waits for slots to hand their leases back and deliver their last reports.</summary>
    public TimeSpan HandBackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Trainers a slot keeps (one per search, least recently used dropped first).</summary>
    public int TrainersPerSlot { get; set; } = 2;

    /// <summary>
    /// How long a slot's batch of leases should take to train: a slot asks for as many trials as it trains in this
    /// time (by its recent training times), so fast trials travel in batches and slow ones one at a time.
    /// </summary>
    public TimeSpan LeaseBatchTime { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The most trials a slot asks for at once.</summary>
    public int MaxLeaseBatch { get; set; } = 64;

    /// <summary>Where slots leave the results they could not deliver when the node stops, and where the node's next start (in the same process) finds them.</summary>
    public UndeliveredResults Undelivered { get; init; } = new();
}
