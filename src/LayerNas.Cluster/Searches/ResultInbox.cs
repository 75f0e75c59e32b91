using Akka.Actor;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>Trial results waiting for a coordinator to write them, each with the worker slot that sent it, which is told once its lease is closed.</summary>
internal sealed class ResultInbox
{
    private List<(TrialResult Result, IActorRef Sender)> _waiting = [];

    /// <summary>Whether no result waits.</summary>
    public bool IsEmpty => _waiting.Count == 0;

    /// <summary>Queues the results a slot sent.</summary>
    public void Add(TrialResults results, IActorRef sender) => _waiting.AddRange(results.Results.Select(r => (r, sender)));

    /// <summary>Every waiting result, in arrival order; the inbox is empty afterwards.</summary>
    public IReadOnlyList<(TrialResult Result, IActorRef Sender)> Take()
    {
        var taken = _waiting;
        _waiting = [];
        return taken;
    }

    /// <summary>Tells each sender that these results' leases are closed: one message per sender, so they stop re-sending them.</summary>
    public static void Acknowledge(IEnumerable<(TrialResult Result, IActorRef Sender)> results)
    {
        foreach (var bySender in results.GroupBy(r => r.Sender).Where(g => !g.Key.IsNobody()))
        {
            bySender.Key.Tell(new LeasesClosed { LeaseIds = { bySender.Select(r => r.Result.LeaseId) } });
        }
    }
}
