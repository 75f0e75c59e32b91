using Akka.Actor;
using Akka.Hosting;
using LayerNas.Cluster.Client;
using LayerNas.Cluster.Searches;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LayerNas.Node.Api;

/// <summary>Hosting of the coordinator's gRPC API.</summary>
public static class SearchApiHostingExtensions
{
    /// <summary>
    /// Serves the API on <see cref="SearchApiSettings.Endpoint"/> as HTTP/2 without TLS, with the request size limit
    /// and, when a token is set, the bearer-token check on every call. The node must host the search manager or its
    /// proxy; <paramref name="check"/> validates submitted specs as the manager will compile them.
    /// </summary>
    public static WebApplicationBuilder AddSearchApi(this WebApplicationBuilder builder, SearchApiSettings settings, SpecCheck check)
    {
        builder.WebHost.ConfigureKestrel(kestrel => settings.Endpoint.Listen(kestrel));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(check);
        builder.Services.AddSingleton(services => new SearchClient(
            services.GetRequiredService<ActorSystem>(),
            services.GetRequiredService<ActorRegistry>().Get<SearchManager>()));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = settings.MaxRequestBytes;
            if (settings.Token is { } token)
            {
                grpc.Interceptors.Add<BearerTokenInterceptor>(token);
            }
        });
        return builder;
    }

    /// <summary>Maps the <c>layernas.v1.SearchService</c> endpoints.</summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<SearchApiService>();
        return endpoints;
    }
}
