namespace LayerNas.Core.LayerNas;

/// <summary>One LayerNAS pass's H (buckets per depth), K (prefixes kept per bucket) and schedule.</summary>
public sealed record PassShape(int Buckets, int KeepPerBucket, Scheduling Scheduling);
