using System.Net;
using LayerNas.Node.Api;
using LayerNas.Node.Hosting;

namespace LayerNas.Node.Web;

/// <summary>
/// The web endpoint a node serves when not told one: <see cref="NodeWebSettings.DefaultUrl"/>, or else the next free
/// port above it (as Jupyter and TensorBoard do), so a second coordinator or run on one machine still serves its
/// dashboard, at the address it prints, instead of failing on a port nobody chose.
/// </summary>
public static class DefaultWebEndpoint
{
    /// <summary>How many ports from the default's are tried before any free port is taken.</summary>
    public const int Tries = 20;

    /// <summary>The first free loopback port from the default's on, or port 0 (any free port) when all are taken.</summary>
    public static ApiEndpoint Pick() => Pick(ApiEndpoint.Parse(NodeWebSettings.DefaultUrl, "dashboard URL").Port, Tries);

    /// <summary>The first free loopback port of the <paramref name="count"/> from <paramref name="first"/> on, or port 0 when all are taken.</summary>
    public static ApiEndpoint Pick(int first, int count)
    {
        var port = Enumerable.Range(first, count).FirstOrDefault(p => PortBinding.Problem(IPAddress.Loopback, p) is null);
        return new ApiEndpoint(IPAddress.Loopback, port, AnyAddress: false);
    }
}
