using Akka.Actor;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// Why a worker-only node shuts its actor system down when the last coordinator left its cluster gracefully: it starts
/// again and joins its seeds, where a restarted coordinator forms the cluster anew.
/// </summary>
public sealed class CoordinatorLeftReason : CoordinatedShutdown.Reason
{
    /// <summary>The one instance.</summary>
    public static readonly CoordinatorLeftReason Instance = new();

    private CoordinatorLeftReason()
    {
    }

    /// <inheritdoc />
    public override int ExitCode => 0;
}
