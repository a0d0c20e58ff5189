using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Operations;

namespace Weerbaar.Web.Features.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddWeerbaarHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<JobWorkerHealthCheck>("jobs", tags: [Ready])
            .AddCheck<ChromiumHealthCheck>("chromium", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// GET /health/live: 200 while the process runs (no checks). GET /health/ready (and its alias /health): the database,
    /// the job worker and Chromium; 200 when Healthy or Degraded (no Chromium: pages still work), 503 when Unhealthy.
    /// The JSON body names each check and its status, nothing more (no connection strings, no exception texts).
    /// </summary>
    public static IEndpointRouteBuilder MapWeerbaarHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        var ready = new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        };
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // Our own checks' texts; the database check's exception text (it may name a host) is not shown.
                description = e.Key == "database" ? null : e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
