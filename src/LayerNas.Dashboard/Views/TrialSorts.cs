using Microsoft.AspNetCore.Components.QuickGrid;
using LayerNas.Protocol.V1;

namespace LayerNas.Dashboard.Views;

/// <summary>Turns the trial table's sort (a column's property) into the sort the ledger runs.</summary>
public static class TrialSorts
{
    private static readonly Dictionary<string, TrialSort> ByProperty = new(StringComparer.Ordinal)
    {
        [nameof(TrialRecord.TrialNumber)] = TrialSort.Number,
        [nameof(TrialRecord.Cost)] = TrialSort.Cost,
        [nameof(TrialRecord.Reward)] = TrialSort.Reward,
        [nameof(TrialRecord.Seconds)] = TrialSort.Seconds,
        [nameof(TrialRecord.Attempts)] = TrialSort.Attempts,
        [nameof(TrialRecord.Worker)] = TrialSort.Worker,
        [nameof(TrialRecord.RecordedUnixMs)] = TrialSort.Recorded,
        [nameof(TrialRecord.Architecture)] = TrialSort.Architecture,
    };

    /// <summary>The ledger's sort and direction for the grid's sort; by trial number when the grid sorts by nothing the ledger knows.</summary>
    public static (TrialSort Sort, bool Descending) Of(IReadOnlyCollection<SortedProperty> sortedBy)
    {
        var first = sortedBy.FirstOrDefault();
        return first.PropertyName is { } name && ByProperty.TryGetValue(name, out var sort)
            ? (sort, first.Direction == SortDirection.Descending)
            : (TrialSort.Number, false);
    }
}
