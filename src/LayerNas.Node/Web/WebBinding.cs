using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LayerNas.Node.Web;

/// <summary>Where Kestrel bound the node's web endpoint, so a node told port 0 can say which port it got.</summary>
public sealed class WebBinding
{
    /// <summary>The endpoint's listen options, once Kestrel is configured.</summary>
    public ListenOptions? Options { get; set; }

    /// <summary>The bound port once the node has started; null before.</summary>
    public int? Port => Options?.IPEndPoint is { Port: > 0 } endPoint ? endPoint.Port : null;
}
