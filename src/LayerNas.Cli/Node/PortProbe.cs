using System.Net;
using System.Net.Sockets;
using LayerNas.Cluster.Hosting;
using LayerNas.Node.Hosting;

namespace LayerNas.Cli.Node;

/// <summary>Finds out before a node starts whether its cluster port is taken, so a second node on a port is one clear line rather than a bind failure deep in the actor system's start.</summary>
public static class PortProbe
{
    /// <summary>Why the node's cluster port cannot be bound, or null when it can (or the port is 0, any free one).</summary>
    public static string? Problem(ClusterNodeSettings cluster)
    {
        if (cluster.Port == 0 || Address(cluster.Hostname) is not { } address)
        {
            return null;
        }
        // Another problem (an address not on this machine) is the actor system's to report when it binds.
        return PortBinding.Problem(address, cluster.Port) == SocketError.AddressAlreadyInUse
            ? $"port {cluster.Port} on {cluster.Hostname} is in use by another process (another node?); give this node another --port"
            : null;
    }

    private static IPAddress? Address(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }
        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
