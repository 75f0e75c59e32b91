namespace LayerNas.Dashboard.Hosting;

/// <summary>The paths a node's web endpoint serves.</summary>
public static class WebPaths
{
    /// <summary>Prometheus metrics.</summary>
    public const string Metrics = "/metrics";

    /// <summary>Liveness: the node runs.</summary>
    public const string Live = "/healthz/live";

    /// <summary>Readiness: the node has joined its cluster and, on a coordinator, its journal answers.</summary>
    public const string Ready = "/healthz/ready";

    /// <summary>The login form for the dashboard.</summary>
    public const string Login = "/login";

    /// <summary>Signs the browser out.</summary>
    public const string Logout = "/logout";
}
