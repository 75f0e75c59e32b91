namespace LayerNas.Core.Ledger;

/// <summary>
/// A search's settled trials in the two orders the ledger needs: the order it applied them (what a snapshot keeps,
/// so a restore proposes exactly as the original did) and trial-number order (what listings page through).
/// </summary>
internal sealed class SettledLog
{
    private readonly List<LedgerRecord> _applied = [];
    private readonly List<LedgerRecord> _byNumber = [];
    private readonly Dictionary<string, long> _trainedByNode = new(StringComparer.Ordinal);

    /// <summary>Every record in the order it was applied.</summary>
    public IReadOnlyList<LedgerRecord> Applied => _applied;

    /// <summary>Every record by ascending trial number.</summary>
    public IReadOnlyList<LedgerRecord> ByNumber => _byNumber;

    /// <summary>Trials trained per worker node (failures and trials reused from other searches are not counted).</summary>
    public IDictionary<string, long> TrainedByNode => _trainedByNode;

    /// <summary>Adds a record; trials mostly settle in number order, so the insertion is nearly always an append.</summary>
    public void Add(LedgerRecord record)
    {
        _applied.Add(record);
        var at = _byNumber.Count;
        while (at > 0 && _byNumber[at - 1].Trial.Number > record.Trial.Number)
        {
            at--;
        }
        _byNumber.Insert(at, record);
        if (record.Trial.Succeeded && record.Worker.Length > 0 && record.ReusedFrom.Length == 0)
        {
            var node = WorkerNodes.NodeOf(record.Worker);
            _trainedByNode[node] = _trainedByNode.GetValueOrDefault(node) + 1;
        }
    }
}
