using Microsoft.Extensions.Diagnostics.HealthChecks;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddWeerbaarHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    /// <summary>GET /health: 200 "Healthy" when the database answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapWeerbaarHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }
}
