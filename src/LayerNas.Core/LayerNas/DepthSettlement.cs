namespace LayerNas.Core.LayerNas;

/// <summary>
/// Which cost buckets of one depth are settled. A bucket is <em>closed</em> once no child can be added to it any more,
/// and <em>settled</em> once it is closed and none of its children is still waiting for its result: from then on its
/// memo-table entries are final. Buckets close from the cheapest up, because a child never costs less than its parent.
/// </summary>
internal sealed class DepthSettlement
{
    private readonly int[] _outstanding;
    private readonly bool[] _settled;

    /// <summary>Bookkeeping for a depth of <paramref name="buckets"/> buckets, all open.</summary>
    public DepthSettlement(int buckets)
    {
        _outstanding = new int[buckets];
        _settled = new bool[buckets];
    }

    /// <summary>Buckets below this one are closed.</summary>
    public int ClosedBelow { get; private set; }

    /// <summary>The cheapest bucket not yet settled; the bucket count once every bucket is.</summary>
    public int LowestUnsettled { get; private set; }

    /// <summary>Whether a bucket is settled.</summary>
    public bool IsSettled(int bucket) => _settled[bucket];

    /// <summary>Whether every bucket of the depth is settled.</summary>
    public bool IsComplete => LowestUnsettled == _settled.Length;

    /// <summary>Fails unless a bucket is still open: a child arriving in a closed bucket would change a settled table.</summary>
    public void RequireOpen(int bucket)
    {
        if (bucket < ClosedBelow)
        {
            throw new InvalidOperationException($"a child arrived in bucket {bucket}, closed below {ClosedBelow}: the cost model's cheapest completion of a child fell below its parent's");
        }
    }

    /// <summary>A child of this bucket now waits for its result.</summary>
    public void AddOutstanding(int bucket)
    {
        RequireOpen(bucket);
        _outstanding[bucket]++;
    }

    /// <summary>A child's result arrived; returns the buckets this settles (none or this one).</summary>
    public IReadOnlyList<int> Resolve(int bucket)
    {
        _outstanding[bucket]--;
        return bucket < ClosedBelow && _outstanding[bucket] == 0 ? [Settle(bucket)] : [];
    }

    /// <summary>Closes every bucket below <paramref name="bound"/>; returns those this settles, cheapest first.</summary>
    public IReadOnlyList<int> CloseBelow(int bound)
    {
        var settled = new List<int>();
        for (var bucket = ClosedBelow; bucket < bound; bucket++)
        {
            if (_outstanding[bucket] == 0)
            {
                settled.Add(Settle(bucket));
            }
        }
        ClosedBelow = Math.Max(ClosedBelow, bound);
        return settled;
    }

    private int Settle(int bucket)
    {
        _settled[bucket] = true;
        while (LowestUnsettled < _settled.Length && _settled[LowestUnsettled])
        {
            LowestUnsettled++;
        }
        return bucket;
    }
}
