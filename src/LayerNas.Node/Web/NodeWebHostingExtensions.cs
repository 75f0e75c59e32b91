using Akka.Actor;
using Akka.Hosting;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Hosting;
using LayerNas.Cluster.Searches;
using LayerNas.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LayerNas.Node.Web;

/// <summary>Hosting of a node's web endpoint: the dashboard on a coordinator node, <c>/metrics</c> and <c>/healthz</c> on every node.</summary>
public static class NodeWebHostingExtensions
{
    /// <summary>Listens on <see cref="NodeWebSettings.Endpoint"/> for HTTP/1.1 (browsers and Prometheus speak it; HTTP/2 without TLS they do not) and registers what the endpoint serves for <paramref name="node"/>.</summary>
    public static WebApplicationBuilder AddNodeWeb(this WebApplicationBuilder builder, NodeWebSettings web, LayerNasNodeSettings node)
    {
        var binding = new WebBinding();
        builder.Services.AddSingleton(binding);
        builder.WebHost.ConfigureKestrel(kestrel => web.Endpoint.Listen(kestrel, HttpProtocols.Http1, options => binding.Options = options));
        // The dashboard's scripts and styles (its own, Blazor's, the charting library's) are read where the build put
        // them, in any environment; a published node reads them from its wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddLayerNasWeb(new WebSettings
        {
            Token = web.Token,
            ServesDashboard = node.IsCoordinator,
            Meter = node.Metrics.Meter,
            Refresh = web.Refresh,
        });
        if (node.IsCoordinator)
        {
            builder.Services.TryAddSingleton(services => new SearchClient(
                services.GetRequiredService<ActorSystem>(),
                services.GetRequiredService<ActorRegistry>().Get<SearchManager>()));
            builder.Services.AddSingleton<IClusterView>(services => new ClusterView(services.GetRequiredService<SearchClient>(), web.ManagerTimeout));
        }
        return builder;
    }

    /// <summary>The endpoint's middleware and routes: probes from the node's tagged health checks, metrics, and the dashboard on a coordinator node.</summary>
    public static WebApplication MapNodeWeb(this WebApplication app) =>
        app.UseLayerNasWeb().MapLayerNasWeb(NodeHealth.Live, NodeHealth.Ready);
}
