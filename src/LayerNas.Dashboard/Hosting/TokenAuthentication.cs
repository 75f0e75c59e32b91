using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LayerNas.Dashboard.Hosting;

/// <summary>
/// Authenticates a request by its <c>Authorization: Bearer TOKEN</c> header, as API clients and Prometheus send it; a
/// browser signs in once through the login form instead and carries a cookie (<see cref="TokenAuthentication"/>).
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenCheck check)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !check.Accepts(header[Prefix.Length..]))
        {
            return Task.FromResult(AuthenticateResult.Fail("the bearer token is wrong"));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(TokenAuthentication.Operator(Scheme.Name), Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>The schemes that let a token holder in: a bearer header, or the cookie the login form sets.</summary>
public static class TokenAuthentication
{
    /// <summary>The scheme that picks one of the two by the request.</summary>
    public const string Scheme = "layernas";

    /// <summary>The bearer-header scheme.</summary>
    public const string Bearer = "layernas-bearer";

    /// <summary>The login cookie's scheme.</summary>
    public const string Cookie = "layernas-cookie";

    /// <summary>The one identity a token stands for: whoever holds it operates the cluster.</summary>
    public static ClaimsPrincipal Operator(string scheme) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator")], scheme));

    /// <summary>
    /// The bearer scheme for requests that carry an <c>Authorization</c> header and for <c>/metrics</c> (a scraper
    /// is told 401, not sent to a form); the cookie scheme for pages, whose challenge is the login form.
    /// </summary>
    public static string SchemeFor(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || context.Request.Path.StartsWithSegments(WebPaths.Metrics) ? Bearer : Cookie;
}
