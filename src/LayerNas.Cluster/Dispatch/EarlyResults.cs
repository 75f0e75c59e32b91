using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Dispatch;

/// <summary>
/// Results for a search the dispatcher has not opened yet, held until it opens. After a coordinator restart, worker
/// nodes that rejoin deliver results they trained before the crash; the search's coordinator may still be recovering,
/// and holding its results (rather than dropping them as duplicates) lets them settle their trials instead of the
/// trials being trained again.
/// </summary>
/// <typeparam name="TSender">Who sent a result, and is told once its lease is closed.</typeparam>
public sealed class EarlyResults<TSender> where TSender : notnull
{
    private readonly Dictionary<string, Dictionary<string, (TSender Sender, TrialResult Result)>> _bySearch = [];

    /// <summary>Results held.</summary>
    public int Count => _bySearch.Values.Sum(s => s.Count);

    /// <summary>Holds a result; a re-sent one (the same lease) replaces the copy held.</summary>
    public void Hold(TSender sender, TrialResult result)
    {
        if (!_bySearch.TryGetValue(result.SearchId, out var held))
        {
            _bySearch[result.SearchId] = held = [];
        }
        held[result.LeaseId] = (sender, result);
    }

    /// <summary>The results held for a search, grouped by sender in the order each first arrived; none are held for it afterwards.</summary>
    public IReadOnlyList<(TSender Sender, IReadOnlyList<TrialResult> Results)> Release(string searchId) =>
        _bySearch.Remove(searchId, out var held)
            ? [.. held.Values.GroupBy(h => h.Sender).Select(g => (g.Key, (IReadOnlyList<TrialResult>)[.. g.Select(h => h.Result)]))]
            : [];
}
