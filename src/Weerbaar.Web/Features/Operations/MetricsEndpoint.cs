using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// GET /metrics (Prometheus text format). Who may scrape it: with Weerbaar:Telemetry:Metrics:Port only requests on
/// that port (a port the firewall keeps internal) and nothing on the public ones; otherwise a request with
/// "Authorization: Bearer" + Weerbaar:Telemetry:Metrics:ScrapeToken, or a logged-in beheerder. Anyone else gets 401
/// (403 for a logged-in user without the role).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    public const string Policy = "metrics-scrape";

    public static int? Port(IConfiguration config) => config.GetValue<int?>($"{TelemetrySetup.Section}:Metrics:Port");

    internal static void AddAccess(IServiceCollection services, IConfiguration config)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddRequirements(new ScrapeRequirement()));
        services.AddSingleton<IAuthorizationHandler, ScrapeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScrapeResultHandler>();
    }

    /// <summary>Adds the metrics port to the URLs Kestrel listens on (beside ASPNETCORE_URLS / --urls).</summary>
    internal static void ListenOnMetricsPort(WebApplicationBuilder builder)
    {
        if (Port(builder.Configuration) is not { } port)
        {
            return;
        }
        var urls = builder.Configuration["urls"] is { Length: > 0 } u ? u : "http://localhost:5000";
        builder.WebHost.UseUrls($"{urls};http://*:{port}");
    }

    public static IEndpointRouteBuilder MapWeerbaarMetrics(this IEndpointRouteBuilder app, IConfiguration config)
    {
        if (!TelemetrySetup.ServesPrometheus(config))
        {
            return app;
        }
        var endpoint = app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policy).WithMetadata(new ScrapeEndpointMarker());
        if (Port(config) is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }
        return app;
    }

    private sealed class ScrapeRequirement : IAuthorizationRequirement;

    private sealed class ScrapeEndpointMarker;

    private sealed class ScrapeHandler(IConfiguration config) : AuthorizationHandler<ScrapeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScrapeRequirement requirement)
        {
            var http = context.Resource as HttpContext;
            if (Port(config) is { } port && http?.Connection.LocalPort == port
                || context.User.IsInRole(Roles.Beheerder)
                || http is not null && TokenMatches(http, config[$"{TelemetrySetup.Section}:Metrics:ScrapeToken"]))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }

        private static bool TokenMatches(HttpContext http, string? expected)
        {
            if (string.IsNullOrEmpty(expected))
            {
                return false;
            }
            var header = http.Request.Headers.Authorization.ToString();
            const string prefix = "Bearer ";
            if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            // Hashes of equal length: the comparison time says nothing about the token's length or prefix.
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()));
            var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
            return CryptographicOperations.FixedTimeEquals(given, wanted);
        }
    }

    /// <summary>A refused scrape is a plain 401/403, not a redirect to the login page (a scraper cannot log in).</summary>
    private sealed class ScrapeResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ScrapeEndpointMarker>() is null || authorizeResult.Succeeded)
            {
                return _default.HandleAsync(next, context, policy, authorizeResult);
            }
            var loggedIn = context.User.Identity?.IsAuthenticated == true;
            context.Response.StatusCode = loggedIn ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            if (!loggedIn)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }
            return Task.CompletedTask;
        }
    }
}
