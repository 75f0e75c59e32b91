using System.Net;
using System.Net.Sockets;

namespace LayerNas.Node.Hosting;

/// <summary>Whether a TCP port can be bound, found out by binding it for a moment before a node binds it for good.</summary>
public static class PortBinding
{
    /// <summary>Why <paramref name="port"/> on <paramref name="address"/> cannot be bound now, or null when it can.</summary>
    public static SocketError? Problem(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }
}
