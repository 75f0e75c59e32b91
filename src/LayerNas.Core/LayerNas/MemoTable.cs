using LayerNas.Core.Space;

namespace LayerNas.Core.LayerNas;

/// <summary>
/// The memo table of one depth: for each of H cost buckets, the best K prefixes by reward. The order of offers does
/// not matter: candidates are ranked by reward, then canonically, so the table is a function of the set offered.
/// </summary>
public sealed class MemoTable
{
    private readonly List<MemoEntry>[] _buckets;
    private readonly int _keep;

    /// <summary>An empty table of <paramref name="buckets"/> buckets keeping <paramref name="keepPerBucket"/> each.</summary>
    public MemoTable(int buckets, int keepPerBucket)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepPerBucket, 1);
        _keep = keepPerBucket;
        _buckets = new List<MemoEntry>[buckets];
        for (var i = 0; i < buckets; i++)
        {
            _buckets[i] = new List<MemoEntry>(keepPerBucket + 1);
        }
    }

    /// <summary>Offers a prefix to its bucket; it stays only if it ranks among the bucket's best K.</summary>
    public void Offer(int bucket, Architecture prefix, double reward)
    {
        var entries = _buckets[bucket];
        var entry = new MemoEntry(prefix, reward);
        var at = entries.Count;
        while (at > 0 && entry.RanksAbove(entries[at - 1]))
        {
            at--;
        }
        if (at < _keep)
        {
            entries.Insert(at, entry);
            if (entries.Count > _keep)
            {
                entries.RemoveAt(entries.Count - 1);
            }
        }
    }

    /// <summary>The prefixes one bucket keeps, best first.</summary>
    public IReadOnlyList<MemoEntry> Bucket(int bucket) => _buckets[bucket];

    /// <summary>Every kept prefix, bucket by bucket, best first within a bucket.</summary>
    public IEnumerable<MemoEntry> Entries => _buckets.SelectMany(b => b);

    /// <summary>How many prefixes the table keeps.</summary>
    public int Count => _buckets.Sum(b => b.Count);
}
