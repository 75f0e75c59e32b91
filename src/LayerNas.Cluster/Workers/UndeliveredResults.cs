using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// Results a node's worker slots trained but could not deliver before the node's actor system stopped. A worker node
/// that its cluster downs (its coordinator crashed) starts its actor system again in the same process; keeping one of
/// these across those starts lets the next incarnation deliver the results to the restarted coordinator, so trials
/// finished during the outage are not trained again. Safe to use from any thread.
/// </summary>
public sealed class UndeliveredResults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TrialResult> _byLease = [];

    /// <summary>Results kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byLease.Count;
            }
        }
    }

    /// <summary>Keeps results for the next start of the node (one per lease).</summary>
    public void Keep(IEnumerable<TrialResult> results)
    {
        lock (_gate)
        {
            foreach (var result in results)
            {
                _byLease[result.LeaseId] = result;
            }
        }
    }

    /// <summary>Every result kept; none are kept afterwards.</summary>
    public IReadOnlyList<TrialResult> TakeAll()
    {
        lock (_gate)
        {
            var all = _byLease.Values.ToList();
            _byLease.Clear();
            return all;
        }
    }
}
