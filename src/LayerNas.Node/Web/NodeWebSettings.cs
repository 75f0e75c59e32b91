using LayerNas.Node.Api;

namespace LayerNas.Node.Web;

/// <summary>A node's web endpoint: the dashboard on a coordinator node, <c>/metrics</c> and <c>/healthz</c> on every node.</summary>
public sealed class NodeWebSettings
{
    /// <summary>Where a coordinator node serves its dashboard unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Where the endpoint listens (HTTP/1.1).</summary>
    public ApiEndpoint Endpoint { get; set; } = ApiEndpoint.Parse(DefaultUrl, "dashboard URL");

    /// <summary>The API's token, which the dashboard and <c>/metrics</c> require too; null leaves them open (loopback only).</summary>
    public string? Token { get; set; }

    /// <summary>How long a page waits for the search manager before it says so.</summary>
    public TimeSpan ManagerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The application whose build lists the dashboard's static files (its <c>NAME.staticwebassets.*.json</c>); null for the entry assembly.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>How often an open page asks for what changed.</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromSeconds(1);
}
