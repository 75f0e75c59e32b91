using LayerNas.Core.Costs;

namespace LayerNas.Core.LayerNas;

/// <summary>Places a cost in one of H buckets spanning a fixed range; costs outside the range go to the end buckets.</summary>
public sealed class CostBucketizer
{
    private readonly double _low;
    private readonly double _scale;
    private readonly BucketSpacing _spacing;

    /// <summary>H buckets over [range.Min, range.Max].</summary>
    public CostBucketizer(CostBounds range, int buckets, BucketSpacing spacing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        Range = range;
        Buckets = buckets;
        _spacing = spacing;
        _low = Transform(range.Min);
        var width = Transform(range.Max) - _low;
        // A range of one point (or none) puts everything in bucket 0.
        _scale = width > 0 && double.IsFinite(width) ? buckets / width : 0;
    }

    /// <summary>The cost range the buckets span.</summary>
    public CostBounds Range { get; }

    /// <summary>H.</summary>
    public int Buckets { get; }

    /// <summary>The bucket of a cost, 0 … H−1.</summary>
    public int Bucket(double cost)
    {
        var position = (Transform(cost) - _low) * _scale;
        return position <= 0 ? 0 : position >= Buckets ? Buckets - 1 : (int)position;
    }

    /// <summary>The smallest cost the bucket holds: −∞ for bucket 0, +∞ for a bucket no cost reaches.</summary>
    public double LowerEdge(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, Buckets);
        if (bucket == 0)
        {
            return double.NegativeInfinity;
        }
        if (_scale == 0)
        {
            return double.PositiveInfinity;
        }
        var edge = _low + bucket / _scale;
        return _spacing == BucketSpacing.Log ? Math.Exp(edge) - 1 : edge;
    }

    private double Transform(double cost) => _spacing == BucketSpacing.Log ? Math.Log(1 + Math.Max(cost, 0)) : cost;
}
