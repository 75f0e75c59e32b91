using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LayerNas.Node.Api;

/// <summary>Where the API listens: an <c>http://HOST:PORT</c> URL, served as HTTP/2 without TLS (h2c).</summary>
/// <param name="Address">The address to bind; <see cref="IPAddress.IPv6Any"/> with <paramref name="AnyAddress"/> for every interface.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="AnyAddress">True for <c>*</c> or <c>+</c>: every IPv4 and IPv6 interface.</param>
public sealed record ApiEndpoint(IPAddress Address, int Port, bool AnyAddress)
{
    /// <summary>The URL the API listens on unless told otherwise.</summary>
    public const string DefaultUrl = LayerNas.Client.SearchApi.DefaultServer;

    /// <summary>Whether only this machine can reach the endpoint; anything else needs a bearer token.</summary>
    public bool IsLoopback => !AnyAddress && IPAddress.IsLoopback(Address);

    /// <summary>
    /// Reads an API URL: <c>http://</c>, then an IP address, <c>localhost</c> (127.0.0.1), <c>*</c> or <c>+</c> (every
    /// interface), then a port. Throws <see cref="FormatException"/> with a one-line message naming the problem and
    /// what the URL is for (<paramref name="what"/>: "API URL", "dashboard URL").
    /// </summary>
    public static ApiEndpoint Parse(string url, string what = "API URL")
    {
        const string scheme = "http://";
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{what} '{url}': the node serves plain HTTP (h2c for the API); use http:// and put TLS in front of it if needed");
        }
        if (!url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{what} '{url}' must look like http://127.0.0.1:50051");
        }
        var authority = url[scheme.Length..].TrimEnd('/');
        if (authority.Contains('/'))
        {
            throw new FormatException($"{what} '{url}' cannot have a path");
        }
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || authority.EndsWith(']'))
        {
            throw new FormatException($"{what} '{url}' needs a port, like http://127.0.0.1:50051");
        }
        var (host, portText) = (authority[..colon], authority[(colon + 1)..]);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"{what} '{url}': port '{portText}' is not a number from 0 to 65535");
        }
        if (host is "*" or "+")
        {
            return new ApiEndpoint(IPAddress.IPv6Any, port, AnyAddress: true);
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiEndpoint(IPAddress.Loopback, port, AnyAddress: false);
        }
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address)
            ? new ApiEndpoint(address, port, AnyAddress: false)
            : throw new FormatException($"{what} '{url}': the host must be an IP address, localhost, * or +, not '{host}'");
    }

    /// <summary>
    /// Binds Kestrel to this endpoint without TLS, for HTTP/2 (the API) unless told <paramref name="protocols"/> (the
    /// dashboard's browsers speak HTTP/1.1); <paramref name="bound"/> gets the listen options, whose end point holds the
    /// port Kestrel bound once it has started.
    /// </summary>
    public void Listen(KestrelServerOptions kestrel, HttpProtocols protocols = HttpProtocols.Http2, Action<ListenOptions>? bound = null)
    {
        void Configure(ListenOptions options)
        {
            options.Protocols = protocols;
            bound?.Invoke(options);
        }
        if (AnyAddress)
        {
            kestrel.ListenAnyIP(Port, Configure);
        }
        else
        {
            kestrel.Listen(Address, Port, Configure);
        }
    }
}
