using Akka.Cluster.Hosting;
using Akka.Hosting;
using LayerNas.Cluster.Metrics;
using LayerNas.Core.Specs;
using LayerNas.Protocol.V1;

namespace LayerNas.Cluster.Searches;

/// <summary>Hosting of the search manager.</summary>
public static class SearchManagerHostingExtensions
{
    /// <summary>
    /// Runs the search manager as a cluster singleton on <see cref="SearchManagerSettings.Role"/> and registers a
    /// proxy to it under <see cref="SearchManager"/> in the actor registry; its actors report to <paramref name="metrics"/>.
    /// </summary>
    public static AkkaConfigurationBuilder AddSearchManager(this AkkaConfigurationBuilder builder, SearchManagerSettings settings, Func<SearchSpec, CompiledSearch> compile, LayerNasMetrics metrics) =>
        builder.WithSingleton<SearchManager>(
            SearchManager.Name,
            (_, _, _) => SearchManager.Props(compile, settings, metrics),
            new ClusterSingletonOptions { Role = settings.Role, LogSingletonIdentificationFailure = settings.WarnWhenSingletonMissing },
            createProxyToo: true);

    /// <summary>Registers a proxy to the search manager singleton (on a node that does not host it) under <see cref="SearchManager"/>.</summary>
    public static AkkaConfigurationBuilder AddSearchManagerProxy(this AkkaConfigurationBuilder builder, string role = ClusterRoles.Coordinator) =>
        builder.WithSingletonProxy<SearchManager>(SearchManager.Name, new ClusterSingletonOptions { Role = role });
}
