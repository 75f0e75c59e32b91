namespace LayerNas.Core.LayerNas;

/// <summary>
/// What one depth's memo table was offered, bucket by bucket: how many rewarded prefixes and the span of their φ.
/// A bucket offered more than it keeps dropped some; if their φ differ, finer buckets could have kept them apart.
/// </summary>
internal sealed class BucketOffers(int buckets, int keep)
{
    private readonly int[] _count = new int[buckets];
    private readonly double[] _lowest = Enumerable.Repeat(double.PositiveInfinity, buckets).ToArray();
    private readonly double[] _highest = Enumerable.Repeat(double.NegativeInfinity, buckets).ToArray();

    /// <summary>Whether some bucket was offered more prefixes than it keeps.</summary>
    public bool Dropped { get; private set; }

    /// <summary>Whether some bucket dropped prefixes and was offered prefixes of different φ.</summary>
    public bool Separable { get; private set; }

    /// <summary>Counts a rewarded prefix of φ <paramref name="phi"/> offered to <paramref name="bucket"/>.</summary>
    public void Add(int bucket, double phi)
    {
        _count[bucket]++;
        _lowest[bucket] = Math.Min(_lowest[bucket], phi);
        _highest[bucket] = Math.Max(_highest[bucket], phi);
        if (_count[bucket] > keep)
        {
            Dropped = true;
            Separable |= _lowest[bucket] < _highest[bucket];
        }
    }
}
