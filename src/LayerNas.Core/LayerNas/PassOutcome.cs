namespace LayerNas.Core.LayerNas;

/// <summary>
/// One pass of a LayerNAS search: its H, K and schedule, the new trials it created, and whether it completed (false:
/// cut by the budget, or still running).
/// </summary>
public sealed record PassOutcome(int Buckets, int KeepPerBucket, Scheduling Scheduling, long Trials, bool Complete);
