namespace LayerNas.Core.Ledger;

/// <summary>Tells worker nodes apart by the names their slots report.</summary>
public static class WorkerNodes
{
    /// <summary>
    /// The node part of a worker slot's name: "akka.tcp://layernas@10.0.0.5:4053" of
    /// "akka.tcp://layernas@10.0.0.5:4053/user/workers/slot-1", which is how users tell workers apart; a name that is
    /// not an actor address is its own node.
    /// </summary>
    public static string NodeOf(string worker)
    {
        var scheme = worker.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return worker;
        }
        var path = worker.IndexOf('/', scheme + 3);
        return path < 0 ? worker : worker[..path];
    }
}
