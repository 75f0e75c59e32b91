using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace LayerNas.Cli.Tests.Containers;

/// <summary>
/// A readiness or liveness probe as the rendered manifest declares it, checked the way the kubelet checks it: a TCP
/// connection to the port, or an HTTP/1.1 GET answered with a status from 200 to 399.
/// </summary>
/// <param name="Kind">What the manifest calls it: readinessProbe, livenessProbe or startupProbe.</param>
/// <param name="Port">The container port it checks.</param>
/// <param name="Path">The HTTP path, for an HTTP probe; null for a TCP one.</param>
/// <param name="InitialDelay">How long after the container starts the kubelet first probes.</param>
/// <param name="Period">How often it probes.</param>
/// <param name="Timeout">How long one probe may take.</param>
/// <param name="FailureThreshold">How many failures in a row make the kubelet act: restart the container after a liveness failure.</param>
internal sealed record PodProbe(string Kind, int Port, string? Path, TimeSpan InitialDelay, TimeSpan Period, TimeSpan Timeout, int FailureThreshold)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = true, UseProxy = false })
    {
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>
    /// The probe <paramref name="kind"/> of a rendered container, or null when it has none; a probe of a kind the
    /// tests cannot check (exec, gRPC) fails the test, so a probe is never silently left unchecked.
    /// </summary>
    public static PodProbe? From(JsonObject container, string kind, Func<string, int> namedPort)
    {
        if (container[kind] is not JsonObject probe)
        {
            return null;
        }
        var (action, path) = probe["tcpSocket"] is JsonObject tcp ? (tcp, (string?)null)
            : probe["httpGet"] is JsonObject http ? (http, http["path"]?.GetValue<string>() ?? "/")
            : throw new InvalidOperationException($"the container tests check tcpSocket and httpGet probes only, not the {kind} {probe.ToJsonString()}");
        Assert.True(action["scheme"]?.GetValue<string>() is null or "HTTP", $"{kind}: the container tests check plain HTTP probes only");
        var port = action["port"]!.GetValue<string>();
        return new PodProbe(
            kind,
            int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : namedPort(port),
            path,
            Seconds(probe, "initialDelaySeconds", 0),
            Seconds(probe, "periodSeconds", 10),
            Seconds(probe, "timeoutSeconds", 1),
            (int)Seconds(probe, "failureThreshold", 3).TotalSeconds);
    }

    /// <summary>Whether the probe succeeds against a pod at <paramref name="ip"/>.</summary>
    public async Task<bool> SucceedsAsync(string ip)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            if (Path is null)
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Parse(ip), Port, timeout.Token);
                return true;
            }
            using var response = await Http.GetAsync(new Uri($"http://{ip}:{Port}{Path}"), timeout.Token);
            return (int)response.StatusCode is >= 200 and < 400;
        }
        catch (Exception e) when (e is SocketException or HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The probe in the manifest's words, for messages.</summary>
    public override string ToString() => Path is null ? $"{Kind} tcpSocket :{Port}" : $"{Kind} httpGet :{Port}{Path}";

    private static TimeSpan Seconds(JsonObject probe, string field, int fallback) =>
        TimeSpan.FromSeconds(probe[field] is { } value ? int.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture) : fallback);
}
