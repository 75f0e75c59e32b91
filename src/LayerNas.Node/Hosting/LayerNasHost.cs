using Akka.Actor;
using Akka.Hosting;
using LayerNas.Cluster.Hosting;
using LayerNas.Node.Api;
using LayerNas.Node.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LayerNas.Node.Hosting;

/// <summary>
/// A node in this process: its actor system (<see cref="LayerNasNodeHostingExtensions.AddLayerNasNode"/>) in a
/// generic host, or in a web host that also serves the gRPC API when the node has one.
/// </summary>
public sealed class LayerNasHost : IAsyncDisposable
{
    private LayerNasHost(IHost host) => Host = host;

    /// <summary>The host.</summary>
    public IHost Host { get; }

    /// <summary>The node's actor system (once started).</summary>
    public ActorSystem System => Host.Services.GetRequiredService<ActorSystem>();

    /// <summary>The URLs the API listens on (once started); empty for a node without one.</summary>
    public IReadOnlyList<string> ApiUrls => [.. Addresses().Except(WebUrls)];

    /// <summary>The URLs the node's web endpoint (dashboard, metrics, health) listens on (once started); empty for a node without one.</summary>
    public IReadOnlyList<string> WebUrls => Host.Services.GetService<WebBinding>()?.Port is { } port
        ? [.. Addresses().Where(url => new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port == port)]
        : [];

    /// <summary>
    /// Builds the host of <paramref name="node"/>: a web host when it serves the API with <paramref name="api"/> (which
    /// validates specs with <paramref name="check"/>) or a web endpoint with <paramref name="web"/>, else a generic host.
    /// </summary>
    public static LayerNasHost Create(LayerNasNodeSettings node, Action<ILoggingBuilder> logging, SearchApiSettings? api = null, SpecCheck? check = null, NodeWebSettings? web = null)
    {
        if (api is null && web is null)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            logging(builder.Logging);
            builder.Services.AddAkka(ClusterHostingExtensions.SystemName, akka => akka.AddLayerNasNode(node));
            return new LayerNasHost(builder.Build());
        }
        var webBuilder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = web?.ApplicationName });
        logging(webBuilder.Logging);
        if (api is not null)
        {
            webBuilder.AddSearchApi(api, check ?? throw new ArgumentNullException(nameof(check), "an API needs a spec check"));
        }
        if (web is not null)
        {
            webBuilder.AddNodeWeb(web, node);
        }
        webBuilder.Services.AddAkka(ClusterHostingExtensions.SystemName, akka => akka.AddLayerNasNode(node));
        var app = webBuilder.Build();
        if (web is not null)
        {
            app.MapNodeWeb();
        }
        if (api is not null)
        {
            app.MapSearchApi();
        }
        return new LayerNasHost(app);
    }

    private IEnumerable<string> Addresses() => Host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    /// <summary>Starts the node.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Host.StartAsync(cancellationToken);

    /// <summary>Stops the node gracefully (worker slots hand their leases back, the node leaves its cluster) within <paramref name="timeout"/>, then disposes it.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await Host.StopAsync(limit.Token);
        Host.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.FromSeconds(30));
}
