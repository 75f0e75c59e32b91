using Google.Protobuf;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// What a worker slot has told the dispatcher and must tell again until it is answered: trial results and leases
/// handed back, each until a <see cref="LeasesClosed"/> names its lease.
/// </summary>
internal sealed class SlotOutbox(string worker)
{
    private readonly Dictionary<string, TrialResult> _unanswered = [];
    private readonly List<TrialResult> _unsent = [];
    private readonly HashSet<string> _handedBack = [];

    /// <summary>Results not yet sent.</summary>
    public int Unsent => _unsent.Count;

    /// <summary>Whether every result and hand-back has been answered.</summary>
    public bool IsSettled => _unanswered.Count == 0 && _handedBack.Count == 0;

    /// <summary>Results sent (or to send) and not yet answered.</summary>
    public IReadOnlyCollection<TrialResult> Unanswered => _unanswered.Values;

    /// <summary>Whether the slot still reports on this lease.</summary>
    public bool Holds(string leaseId) => _unanswered.ContainsKey(leaseId);

    /// <summary>Queues a result to send.</summary>
    public void Add(TrialResult result)
    {
        _unanswered[result.LeaseId] = result;
        _unsent.Add(result);
    }

    /// <summary>The results not yet sent, as one message; null when there are none.</summary>
    public TrialResults? TakeUnsent()
    {
        if (_unsent.Count == 0)
        {
            return null;
        }
        var results = new TrialResults { Results = { _unsent } };
        _unsent.Clear();
        return results;
    }

    /// <summary>Hands leases back: the message to send, or null for none.</summary>
    public HandBack? HandBack(IReadOnlyList<TrialLease> leases)
    {
        if (leases.Count == 0)
        {
            return null;
        }
        var ids = leases.Select(l => l.LeaseId).ToList();
        _handedBack.UnionWith(ids);
        return new HandBack { LeaseIds = { ids }, Worker = worker };
    }

    /// <summary>The dispatcher closed these leases: their results and hand-backs need not be sent again.</summary>
    public void Closed(IEnumerable<string> leaseIds)
    {
        foreach (var id in leaseIds)
        {
            _unanswered.Remove(id);
            _handedBack.Remove(id);
        }
    }

    /// <summary>Every result and hand-back not yet answered, to send again.</summary>
    public IEnumerable<IMessage> Resend()
    {
        _unsent.Clear();
        if (_unanswered.Count > 0)
        {
            yield return new TrialResults { Results = { _unanswered.Values } };
        }
        if (_handedBack.Count > 0)
        {
            yield return new HandBack { LeaseIds = { _handedBack }, Worker = worker };
        }
    }
}
