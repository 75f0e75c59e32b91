namespace LayerNas.Core.LayerNas;

/// <summary>
/// The knobs of LayerNAS: H buckets per depth, K candidates per bucket, bucket spacing, completion, scheduling, and
/// the trial budget it plans its passes for (null: one pass at H and K, as the paper runs it) with how its first pass is sized and whether leftover budget widens it.
/// </summary>
public sealed record LayerNasOptions(
    int Buckets = 100,
    int KeepPerBucket = 1,
    BucketSpacing Spacing = BucketSpacing.Linear,
    CompletionPolicy Completion = CompletionPolicy.Feasible,
    Scheduling Scheduling = Scheduling.Pipelined,
    long? MaxTrials = null,
    FirstPass FirstPass = FirstPass.Spec,
    bool Widen = true)
{
    /// <summary>The bound on trials DESIGN.md §1 gives: |S_1| + Σ_{i≥2} K·H·|S_i|.</summary>
    public long TrialBound(Space.SearchSpace space)
    {
        long bound = space.OptionCount(0);
        for (var layer = 1; layer < space.Depth; layer++)
        {
            bound += (long)KeepPerBucket * Buckets * space.OptionCount(layer);
        }
        return bound;
    }
}
