using LayerNas.Core.Space;
using LayerNas.Protocol.V1;

namespace LayerNas.Core.Ledger;

/// <summary>
/// A ledger's settled trials filtered, sorted and paged on the ledger's side, so a dashboard lists a search of any
/// size one page at a time. Ties are broken by trial number, so pages never overlap or skip a trial.
/// </summary>
public static class TrialQueries
{
    /// <summary>The page of trials a query asks for; its <c>total</c> counts every trial that matches.</summary>
    public static SearchTrials Run(SearchLedger ledger, QueryTrials query)
    {
        var trials = ledger.Trials;
        var matches = Matcher(ledger, query);
        var selected = new List<int>(trials.Count);
        for (var i = 0; i < trials.Count; i++)
        {
            if (matches(trials[i]))
            {
                selected.Add(i);
            }
        }
        if (query.Sort != TrialSort.Number)
        {
            selected.Sort(Order(ledger, selected, query.Sort, query.Descending));
        }
        else if (query.Descending)
        {
            selected.Reverse();
        }
        var limit = query.Limit <= 0 ? TrialRecords.PageSize : Math.Min(query.Limit, TrialRecords.PageSize);
        var start = Math.Clamp(query.Offset, 0, selected.Count);
        var page = new SearchTrials { SearchId = ledger.SearchId, Offset = start, Total = selected.Count };
        for (var i = start; i < Math.Min(selected.Count, start + limit); i++)
        {
            page.Trials.Add(TrialRecords.Record(ledger, trials[selected[i]]));
        }
        return page;
    }

    private static Func<LedgerRecord, bool> Matcher(SearchLedger ledger, QueryTrials query)
    {
        Func<LedgerRecord, bool> status = query.Status switch
        {
            TrialStatusFilter.Trained => r => r.Trial.Succeeded,
            TrialStatusFilter.Failed => r => !r.Trial.Succeeded,
            _ => _ => true,
        };
        var text = query.Text.Trim();
        if (text.Length == 0)
        {
            return status;
        }
        // Which options of each layer match, decided once: a trial matches when any of its options does.
        var layers = ledger.Search.Problem.Space.Layers;
        var matching = layers.Select(l => l.Options.Select(o => o.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).ToArray()).ToArray();
        return r => status(r) && (Matches(matching, r.Trial.Architecture)
            || r.Worker.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (r.Trial.FailureReason?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    private static bool Matches(bool[][] matching, Architecture architecture)
    {
        for (var layer = 0; layer < architecture.Length; layer++)
        {
            if (matching[layer][architecture[layer]])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The order of trial positions by a key; trials without a value for it (a failure's reward) come last either way, ties by number.</summary>
    private static Comparison<int> Order(SearchLedger ledger, List<int> selected, TrialSort sort, bool descending)
    {
        var trials = ledger.Trials;
        var direction = descending ? -1 : 1;
        if (sort is TrialSort.Worker or TrialSort.Architecture)
        {
            Comparison<LedgerRecord> compare = sort == TrialSort.Worker
                ? (x, y) => string.CompareOrdinal(x.Worker, y.Worker)
                : (x, y) => x.Trial.Architecture.CompareTo(y.Trial.Architecture);
            return (a, b) =>
            {
                var (x, y) = (trials[a], trials[b]);
                var missing = Missing(x, sort).CompareTo(Missing(y, sort));
                if (missing != 0)
                {
                    return missing;
                }
                var by = direction * compare(x, y);
                return by != 0 ? by : a.CompareTo(b);
            };
        }
        // Numeric keys are read once into arrays, so a sort of many trials compares numbers, not records.
        var keys = new double[trials.Count];
        var absent = new bool[trials.Count];
        foreach (var i in selected)
        {
            (keys[i], absent[i]) = NumericKey(trials[i], sort);
        }
        return (a, b) =>
        {
            var missing = absent[a].CompareTo(absent[b]);
            if (missing != 0)
            {
                return missing;
            }
            var by = direction * keys[a].CompareTo(keys[b]);
            return by != 0 ? by : a.CompareTo(b);
        };
    }

    private static bool Missing(LedgerRecord record, TrialSort sort) => sort == TrialSort.Worker && record.Worker.Length == 0;

    private static (double Key, bool Absent) NumericKey(LedgerRecord record, TrialSort sort)
    {
        var trial = record.Trial;
        return sort switch
        {
            TrialSort.Cost => (trial.Cost, false),
            TrialSort.Reward => trial.Outcome is { } outcome ? (outcome.Reward, false) : (0, true),
            TrialSort.Seconds => trial.Succeeded ? (record.Seconds, false) : (0, true),
            TrialSort.Attempts => (trial.Attempts, false),
            TrialSort.Recorded => (record.RecordedUnixMs, false),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "not a numeric sort"),
        };
    }
}
