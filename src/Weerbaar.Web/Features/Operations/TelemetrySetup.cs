using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// OpenTelemetry traces and metrics. With an OTLP endpoint (Weerbaar:Telemetry:Otlp:Endpoint or the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT) both go there; otherwise metrics are served for Prometheus at <c>/metrics</c>
/// (see <see cref="MetricsEndpoint"/>). Weerbaar:Telemetry:Enabled=false switches all of it off.
/// Traces are recorded only with an exporter (or Weerbaar:Telemetry:Traces:Enabled=true, e.g. for a test's in-memory
/// exporter): the instrumentation alone, spans unsampled, cost ~10 % CPU on a database-heavy page (bench telemetry).
/// </summary>
public static class TelemetrySetup
{
    public const string Section = "Weerbaar:Telemetry";

    /// <summary>The ASP.NET Core meters published: requests, connections, routing, unhandled errors, rate limiting.</summary>
    public static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
    ];

    public static bool Enabled(IConfiguration config) => config.GetValue($"{Section}:Enabled", true);

    public static string? OtlpEndpoint(IConfiguration config)
        => config[$"{Section}:Otlp:Endpoint"] is { Length: > 0 } own ? own
            : config["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard ? standard : null;

    public static bool TracesEnabled(IConfiguration config) => config.GetValue<bool?>($"{Section}:Traces:Enabled") ?? OtlpEndpoint(config) is not null;

    public static WebApplicationBuilder AddWeerbaarTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddSingleton<QueueSnapshot>();
        services.AddSingleton<WeerbaarMetrics>();
        services.AddSingleton<JobWorkerPulse>();
        services.AddWeerbaarLogging(builder.Logging, config);
        MetricsEndpoint.AddAccess(services, config);
        if (!Enabled(config))
        {
            return builder;
        }
        MetricsEndpoint.ListenOnMetricsPort(builder);

        var otlp = OtlpEndpoint(config);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("weerbaar", serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()));
        if (TracesEnabled(config))
        {
            telemetry.WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o =>
                {
                    o.EnrichWithHttpRequest = (activity, _) => RedactedPaths.Redact(activity);
                    o.EnrichWithHttpResponse = (activity, _) => RedactedPaths.Redact(activity);
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/_framework") && !http.Request.Path.StartsWithSegments("/metrics");
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.EnrichWithHttpRequestMessage = (activity, _) => RedactedPaths.Redact(activity);
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(WeerbaarActivities.EmailSourceName, WeerbaarActivities.JobsSourceName);
                if (otlp is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        }
        telemetry
            .WithMetrics(m =>
            {
                // Named meters rather than AddAspNetCoreInstrumentation(): that one also listens to the Blazor
                // component lifecycle and Identity meters, a measurement per component render on every page.
                m.AddMeter(AspNetCoreMeters)
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(WeerbaarMetrics.MeterName);
                if (otlp is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
                else
                {
                    m.AddPrometheusExporter();
                }
            });
        if (otlp is not null)
        {
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.AddOtlpExporter(e => e.Endpoint = new Uri(otlp));
            });
        }
        return builder;
    }

    /// <summary>Whether /metrics is served (telemetry on, no OTLP endpoint).</summary>
    public static bool ServesPrometheus(IConfiguration config) => Enabled(config) && OtlpEndpoint(config) is null;
}
