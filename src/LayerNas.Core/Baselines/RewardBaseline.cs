namespace LayerNas.Core.Baselines;

/// <summary>
/// The moving-average reward baseline of the policy-gradient baselines: the first reward, then
/// b ← decay·b + (1 − decay)·r after each; a reward's advantage is r − b taken before b moves.
/// </summary>
internal sealed class RewardBaseline
{
    private readonly double _decay;
    private double? _value;

    /// <summary>A baseline that has seen no reward; throws for a decay outside [0, 1).</summary>
    public RewardBaseline(double decay)
    {
        if (!(decay >= 0 && decay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "the baseline decay must lie in [0, 1)");
        }
        _decay = decay;
    }

    /// <summary>The advantage of <paramref name="reward"/> over the baseline, which then moves towards it.</summary>
    public double Advantage(double reward)
    {
        var baseline = _value ?? reward;
        _value = _decay * baseline + (1 - _decay) * reward;
        return reward - baseline;
    }
}
