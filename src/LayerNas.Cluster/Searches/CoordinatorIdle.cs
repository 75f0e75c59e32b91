using Akka.Actor;

namespace LayerNas.Cluster.Searches;

/// <summary>An ended search's coordinator has answered nothing for a while: its manager may stop it (and start it again to read its ledger).</summary>
/// <remarks>The manager stops it, not the coordinator itself, so no question the manager forwarded is lost to a coordinator that stopped meanwhile.</remarks>
internal sealed record CoordinatorIdle(string SearchId) : INoSerializationVerificationNeeded;
