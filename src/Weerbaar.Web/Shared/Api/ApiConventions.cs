using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Weerbaar.Web.Shared.Api;

public static class ApiConventions
{
    public const string Version = "1.0.0";
    public const string BasePath = "/api/v1";

    public static bool IsApiRequest(this HttpRequest request)
        => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
           || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
           || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 9457 problem details with Dutch titles for every error the API returns.</summary>
    public static IServiceCollection AddWeerbaarProblemDetails(this IServiceCollection services) => services
        .Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true)
        .AddProblemDetails(o =>
        o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title == ReasonPhrase(status))
            {
                ctx.ProblemDetails.Title = DutchTitle(status);
            }
            if (ctx.Exception is BadHttpRequestException bad && status < 500)
            {
                ctx.ProblemDetails.Detail ??= bad.InnerException is System.Text.Json.JsonException
                    ? "De JSON in het verzoek is ongeldig: controleer de opmaak en de veldtypen."
                    : "Het verzoek is ongeldig.";
            }
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });

    /// <summary>A problem+json answer with the Dutch title of its status and <paramref name="detail"/> saying what to do.</summary>
    public static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail, statusCode: status, title: DutchTitle(status));

    public static string DutchTitle(int status) => status switch
    {
        400 => "Ongeldig verzoek",
        401 => "Niet ingelogd",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        405 => "Methode niet toegestaan",
        409 => "Conflict met bestaande gegevens",
        413 => "Verzoek te groot",
        415 => "Mediatype niet ondersteund",
        422 => "Gegevens ongeldig",
        429 => "Te veel verzoeken",
        500 => "Interne fout",
        503 => "Dienst niet beschikbaar",
        _ => ReasonPhrase(status),
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    /// <summary>Adds the API-Version header (API Design Rules /core/version-header) to every API response.</summary>
    public static IApplicationBuilder UseApiVersionHeader(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        if (ctx.Request.IsApiRequest())
        {
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers["API-Version"] = Version;
                return Task.CompletedTask;
            });
        }
        return next(ctx);
    });

    /// <summary>
    /// Errors as RFC 9457 problem+json for the API and as Dutch pages for people: exceptions and body-less
    /// status codes (401, 403, 404, 405 …) on each side.
    /// </summary>
    public static IApplicationBuilder UseWeerbaarErrorHandling(this IApplicationBuilder app)
    {
        app.UseWhen(ctx => ctx.Request.IsApiRequest(), api =>
        {
            // Bad JSON and other binding failures throw BadHttpRequestException (ThrowOnBadRequest is on in every
            // environment) so they get the same problem+json, with their own 4xx status, as every other error.
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !ctx.Request.IsApiRequest(), pages =>
        {
            pages.UseExceptionHandler("/fout", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/fout/{0}", createScopeForStatusCodePages: true);
        });
        return app;
    }

    public static ProblemDetails ValidationProblem(string detail, IDictionary<string, object?>? extensions = null)
    {
        var p = new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = DutchTitle(422), Detail = detail };
        if (extensions is not null)
        {
            foreach (var (k, v) in extensions)
            {
                p.Extensions[k] = v;
            }
        }
        return p;
    }
}
