using System.Text.Json;
using LayerNas.Dashboard.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace LayerNas.Dashboard.Hosting;

/// <summary>Hosting of a node's web endpoint: the dashboard (when the node serves it), <c>/metrics</c> and <c>/healthz</c>.</summary>
public static class WebHostingExtensions
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// Registers what the endpoint needs: health checks (the node's actor system registers its own), the Prometheus
    /// exporter of the node's meter, the token schemes when a token is set, and the dashboard's components.
    /// </summary>
    public static IServiceCollection AddLayerNasWeb(this IServiceCollection services, WebSettings settings)
    {
        services.AddSingleton(settings);
        services.AddHealthChecks();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(settings.Meter.Name)
            // Every node in a process has a meter of this name: this endpoint exports its own node's alone.
            .AddView(instrument => ReferenceEquals(instrument.Meter, settings.Meter) ? null : MetricStreamConfiguration.Drop)
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        if (settings.Token is { } token)
        {
            services.AddSingleton(new TokenCheck(token));
            // Login cookies last as long as the process: a restarted node asks for the token again.
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            services.AddAuthentication(TokenAuthentication.Scheme)
                .AddPolicyScheme(TokenAuthentication.Scheme, "bearer header or login cookie", o => o.ForwardDefaultSelector = TokenAuthentication.SchemeFor)
                .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(TokenAuthentication.Bearer, null)
                .AddCookie(TokenAuthentication.Cookie, cookie =>
                {
                    cookie.LoginPath = WebPaths.Login;
                    cookie.Cookie.Name = "layernas-dashboard";
                    cookie.Cookie.HttpOnly = true;
                    cookie.Cookie.SameSite = SameSiteMode.Strict;
                    cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                    cookie.SlidingExpiration = true;
                });
            services.AddAuthorization();
        }
        if (settings.ServesDashboard)
        {
            services.AddRazorComponents().AddInteractiveServerComponents();
        }
        return services;
    }

    /// <summary>The endpoint's middleware, after routing: the token check when one is set, and the dashboard's form protection.</summary>
    public static WebApplication UseLayerNasWeb(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        if (settings.Token is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        if (settings.ServesDashboard)
        {
            app.UseAntiforgery();
        }
        return app;
    }

    /// <summary>
    /// Maps <c>/healthz/live</c> and <c>/healthz/ready</c> (always open), <c>/metrics</c> and the dashboard (behind
    /// the token when one is set); <paramref name="liveTag"/> and <paramref name="readyTag"/> pick the node's checks for each probe.
    /// </summary>
    public static WebApplication MapLayerNasWeb(this WebApplication app, string liveTag, string readyTag)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        app.MapHealthChecks(WebPaths.Live, Probe(liveTag)).AllowAnonymous();
        app.MapHealthChecks(WebPaths.Ready, Probe(readyTag)).AllowAnonymous();
        var metrics = app.MapPrometheusScrapingEndpoint(WebPaths.Metrics);
        if (settings.Token is not null)
        {
            metrics.RequireAuthorization();
        }
        if (!settings.ServesDashboard)
        {
            return app;
        }
        // The build lists the dashboard's static files in its application's manifest (published, they sit in wwwroot
        // beside it); a copy of the command without that manifest still serves its pages, unstyled and not live.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets().AllowAnonymous();
        }
        else
        {
            app.Logger.LogWarning("the dashboard's static files are not listed at {Manifest}: its pages are served without scripts and styles", manifest);
        }
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        if (settings.Token is not null)
        {
            pages.RequireAuthorization();
            app.MapPost(WebPaths.Logout, async (HttpContext context) =>
            {
                await context.SignOutAsync(TokenAuthentication.Cookie);
                return Results.Redirect(WebPaths.Login);
            }).RequireAuthorization();
        }
        return app;
    }

    private static HealthCheckOptions Probe(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
            }, Json));
        },
    };
}
