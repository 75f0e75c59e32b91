using System.Diagnostics.Metrics;

namespace LayerNas.Dashboard.Hosting;

/// <summary>What a node's web endpoint serves and who may read it.</summary>
public sealed class WebSettings
{
    /// <summary>The token the dashboard and <c>/metrics</c> require (the API's); null leaves them open, which only a loopback endpoint may.</summary>
    public string? Token { get; init; }

    /// <summary>Whether the dashboard's pages are served (a node that reaches a search manager); otherwise only <c>/metrics</c> and <c>/healthz</c>.</summary>
    public bool ServesDashboard { get; init; }

    /// <summary>The node's meter, exported at <c>/metrics</c>.</summary>
    public required Meter Meter { get; init; }

    /// <summary>How often an open page asks the cluster for what changed.</summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(1);
}
