using Akka.Actor;
using Akka.Cluster;
using Akka.Event;

namespace LayerNas.Cluster.Workers;

/// <summary>
/// On a worker-only node: once a coordinator has been seen and the last one leaves the cluster gracefully (so no
/// split-brain resolver downs anyone), shuts the node down with <see cref="CoordinatorLeftReason"/>.
/// </summary>
/// <remarks>
/// A worker left in a cluster without a coordinator would wait forever, since a restarted coordinator with no seeds
/// forms a cluster of its own; starting the node again makes it join its seeds, and so the new coordinator.
/// </remarks>
public sealed class CoordinatorWatch : ReceiveActor
{
    private readonly HashSet<Address> _coordinators = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Watches the cluster's coordinator-role members.</summary>
    public CoordinatorWatch()
    {
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            foreach (var member in state.Members.Where(m => m.HasRole(ClusterRoles.Coordinator) && m.Status == MemberStatus.Up))
            {
                _coordinators.Add(member.Address);
            }
        });
        Receive<ClusterEvent.MemberUp>(up =>
        {
            if (up.Member.HasRole(ClusterRoles.Coordinator))
            {
                _coordinators.Add(up.Member.Address);
            }
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            // Only a graceful leave ends in Removed from Exiting. A coordinator removed from any other status was downed
            // (this node's own downing shuts it down with its own reason), or this node is shutting down and its
            // cluster reports every member removed: neither is a coordinator that left.
            if (_coordinators.Remove(removed.Member.Address) && _coordinators.Count == 0 && removed.PreviousStatus == MemberStatus.Exiting)
            {
                _log.Warning("The last coordinator ({0}) left the cluster; starting again to rejoin through the seeds", removed.Member.Address);
                CoordinatedShutdown.Get(Context.System).Run(CoordinatorLeftReason.Instance);
            }
        });
    }

    /// <summary>Props of the watch.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new CoordinatorWatch());

    /// <inheritdoc />
    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberUp), typeof(ClusterEvent.MemberRemoved));

    /// <inheritdoc />
    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
}
