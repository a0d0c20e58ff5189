namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// Console log format (Weerbaar:Logging:Format = json: one JSON object per line with UTC timestamps and scopes; otherwise
/// the simple console) and the categories that would write request paths, which carry respondent and invitation tokens
/// (/scan/{token}, /api/v1/invitations/{token}/…): they are lowered in code, so no configuration turns them back on.
/// </summary>
public static class LoggingSetup
{
    public const string FormatKey = "Weerbaar:Logging:Format";

    private const string HostingCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Categories that log the request path or a redirect target at Information or Debug.</summary>
    public static readonly IReadOnlyList<string> PathLoggingCategories =
    [
        "Microsoft.AspNetCore.Routing.Matching",
        "Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware",
        "Microsoft.AspNetCore.StaticFiles",
        "Microsoft.AspNetCore.StaticAssets",
        "Microsoft.AspNetCore.Http.Result",
        "Microsoft.AspNetCore.Mvc.Infrastructure",
        "Microsoft.AspNetCore.Components.Endpoints",
        "Microsoft.AspNetCore.Components.Routing",
        "Microsoft.AspNetCore.Antiforgery",
        "Microsoft.AspNetCore.Rewrite",
        "Microsoft.AspNetCore.HttpsPolicy",
        "Microsoft.AspNetCore.Cors",
    ];

    internal static void AddWeerbaarLogging(this IServiceCollection _, ILoggingBuilder logging, IConfiguration config)
    {
        if (string.Equals(config[FormatKey], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        foreach (var category in PathLoggingCategories)
        {
            Hold(logging, category, LogLevel.Warning);
        }
        // Off entirely: while this category is enabled at any level, hosting opens a log scope with RequestPath around
        // every request, and each line that writes scopes (the JSON format does) would carry the token. Unhandled
        // exceptions are still logged by the exception handler middleware.
        Hold(logging, HostingCategory, LogLevel.None);
    }

    // A rule for a provider (Logging:Console:LogLevel:Default, say) outranks a rule for all providers, however specific its
    // category: so the known providers get the rule by name too. A provider that enables a category enables it for all
    // (hosting's request scope is opened once, for every provider).
    private static void Hold(ILoggingBuilder logging, string category, LogLevel level)
    {
        logging.AddFilter(category, level);
        logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(category, level);
        logging.AddFilter<Microsoft.Extensions.Logging.Debug.DebugLoggerProvider>(category, level);
        logging.AddFilter<Microsoft.Extensions.Logging.EventSource.EventSourceLoggerProvider>(category, level);
        logging.AddFilter<OpenTelemetry.Logs.OpenTelemetryLoggerProvider>(category, level);
    }
}
