namespace LayerNas.Node.Api;

/// <summary>Settings of the coordinator's gRPC API.</summary>
public sealed class SearchApiSettings
{
    /// <summary>The largest request the API reads; a larger one gets RESOURCE_EXHAUSTED.</summary>
    public const int DefaultMaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>Where the API listens.</summary>
    public ApiEndpoint Endpoint { get; set; } = ApiEndpoint.Parse(ApiEndpoint.DefaultUrl);

    /// <summary>The bearer token every call must carry; null lets calls in without one (loopback only).</summary>
    public string? Token { get; set; }

    /// <summary>The largest request message in bytes.</summary>
    public int MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>How long a call waits for the search manager before answering UNAVAILABLE.</summary>
    public TimeSpan ManagerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest time between two progress events of one watch (a change of depth is always sent).</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
