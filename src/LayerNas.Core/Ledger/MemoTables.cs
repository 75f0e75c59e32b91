using LayerNas.Core.LayerNas;
using LayerNas.Core.Search;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>A LayerNAS search's memo tables as its ledger holds them: what a dashboard shows of the search's live state.</summary>
public static class MemoTables
{
    /// <summary>
    /// Every depth's summary and cost range, and the buckets of <paramref name="depth"/> (1-based; 0 for none) with
    /// their kept candidates; a strategy that keeps no memo tables answers <c>has_tables = false</c>. A search with
    /// several targets answers the tables of its <paramref name="target"/>'s search (0-based, clamped to the targets)
    /// and lists the targets; a target whose search has not started has no depths yet.
    /// </summary>
    public static SearchMemoTables Of(SearchLedger ledger, int depth, int target = 0)
    {
        var tables = new SearchMemoTables { SearchId = ledger.SearchId };
        switch (ledger.State.Strategy)
        {
            case LayerNasStrategy layerNas:
                tables.HasTables = true;
                AddDepths(tables, ledger, layerNas, depth);
                break;
            case MultiTargetLayerNas family:
                tables.HasTables = true;
                tables.Target = Math.Clamp(target, 0, family.Targets.Count - 1);
                tables.Targets.AddRange(family.Targets.Select((t, i) => new MemoTarget { Min = t.Min, Max = t.Max, Started = family.Searches[i] is not null }));
                if (family.Searches[tables.Target] is { } search)
                {
                    AddDepths(tables, ledger, search, depth);
                }
                break;
        }
        return tables;
    }

    private static void AddDepths(SearchMemoTables tables, SearchLedger ledger, LayerNasStrategy layerNas, int depth)
    {
        var depths = ledger.Search.Problem.Space.Depth;
        for (var d = 1; d <= depths; d++)
        {
            var buckets = layerNas.Buckets(d);
            var memo = new MemoDepth
            {
                Summary = d <= layerNas.Statistics.Count ? SearchResultBuilder.Summary(layerNas.Statistics[d - 1]) : new DepthSummary { Depth = d },
                RangeMin = buckets.Range.Min,
                RangeMax = buckets.Range.Max,
                BucketCount = buckets.Buckets,
                BucketsSettled = Enumerable.Range(0, buckets.Buckets).Count(b => layerNas.IsSettled(d, b)),
            };
            if (d == depth)
            {
                memo.Buckets.AddRange(Buckets(ledger, layerNas, d));
            }
            tables.Depths.Add(memo);
        }
    }

    private static IEnumerable<MemoBucket> Buckets(SearchLedger ledger, LayerNasStrategy layerNas, int depth)
    {
        var buckets = layerNas.Buckets(depth);
        var table = layerNas.Table(depth);
        for (var b = 0; b < buckets.Buckets; b++)
        {
            var kept = table.Bucket(b);
            if (kept.Count == 0)
            {
                continue;
            }
            var bucket = new MemoBucket
            {
                Index = b,
                CostMin = b == 0 ? buckets.Range.Min : buckets.LowerEdge(b),
                CostMax = b == buckets.Buckets - 1 ? buckets.Range.Max : buckets.LowerEdge(b + 1),
                Settled = layerNas.IsSettled(depth, b),
            };
            bucket.Kept.AddRange(kept.Select(entry => Candidate(ledger, layerNas, entry)));
            yield return bucket;
        }
    }

    private static MemoCandidate Candidate(SearchLedger ledger, LayerNasStrategy layerNas, MemoEntry entry)
    {
        var problem = ledger.Search.Problem;
        var trained = layerNas.Completion.Complete(entry.Prefix);
        var candidate = new MemoCandidate
        {
            Prefix = { problem.Space.Names(entry.Prefix) },
            Reward = entry.Reward,
            PrefixCost = problem.CostModel.CompletionBounds(entry.Prefix).Min,
            Trained = { problem.Space.Names(trained) },
        };
        if (ledger.State.Lookup(trained) is { } settled)
        {
            candidate.Cost = settled.Cost;
            candidate.TrialNumber = settled.Number;
        }
        return candidate;
    }
}
