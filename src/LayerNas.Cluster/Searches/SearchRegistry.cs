using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>The search manager's state: every submitted search in submission order, built from its events or its snapshot.</summary>
internal sealed class SearchRegistry
{
    private readonly Dictionary<string, SearchRecord> _byId = new(StringComparer.Ordinal);
    private readonly List<SearchRecord> _inOrder = [];

    /// <summary>Every search, in submission order.</summary>
    public IReadOnlyList<SearchRecord> All => _inOrder;

    /// <summary>The search with this id, if any.</summary>
    public SearchRecord? Find(string searchId) => _byId.GetValueOrDefault(searchId);

    /// <summary>Records a submission (a repeat is ignored) and returns the search's record.</summary>
    public SearchRecord Submitted(SearchSubmitted submitted)
    {
        if (!_byId.TryGetValue(submitted.SearchId, out var record))
        {
            record = new SearchRecord(submitted);
            _byId[record.Id] = record;
            _inOrder.Add(record);
        }
        return record;
    }

    /// <summary>Records a search's end.</summary>
    public void Finished(SearchFinished finished)
    {
        if (_byId.TryGetValue(finished.SearchId, out var record))
        {
            record.Finished = finished;
        }
    }

    /// <summary>The state as a snapshot.</summary>
    public SearchManagerSnapshot Snapshot() => new()
    {
        Searches = { _inOrder.Select(r => new ManagedSearch { Submitted = r.Submitted, Finished = r.Finished }) },
    };

    /// <summary>Replaces the state with a snapshot's.</summary>
    public void Restore(SearchManagerSnapshot snapshot)
    {
        _byId.Clear();
        _inOrder.Clear();
        foreach (var search in snapshot.Searches)
        {
            Submitted(search.Submitted);
            if (search.Finished is not null)
            {
                Finished(search.Finished);
            }
        }
    }
}
