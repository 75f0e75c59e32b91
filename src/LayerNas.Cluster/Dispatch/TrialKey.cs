namespace LayerNas.Cluster.Dispatch;

/// <summary>Identifies a trial across searches: results are matched, and duplicates ignored, by this key.</summary>
public readonly record struct TrialKey(string SearchId, long TrialNumber)
{
    /// <inheritdoc />
    public override string ToString() => $"{SearchId}#{TrialNumber}";
}
