using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Scan.Responses;

public sealed record RespondentResponse(string Status, int Version, IReadOnlyDictionary<string, string> Answers);

public sealed record SavePartRequest(int? Version, Dictionary<string, string?>? Answers);

public sealed record SavedVersion(int Version);

/// <summary>The respondent API of DESIGN.md; the personal token in the path is the credential.</summary>
public static class RespondentEndpoints
{
    public const string RateLimit = "respondent";

    public static IEndpointRouteBuilder MapRespondentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/invitations/{token}/response").WithTags("Respondent").AllowAnonymous().RequireRateLimiting(RateLimit);

        group.MapGet("", async Task<Results<Ok<RespondentResponse>, ProblemHttpResult>> (string token, RespondentService respondents, CancellationToken ct) =>
        {
            var context = await respondents.FindAsync(token, ct);
            if (context is null)
            {
                return UnknownToken();
            }
            var status = context.Response?.Status switch
            {
                null => "not-started",
                ResponseStatus.Submitted => "submitted",
                _ => "in-progress",
            };
            return TypedResults.Ok(new RespondentResponse(status, context.Response?.Version ?? 0, context.Response?.Answers ?? new Dictionary<string, string>()));
        }).WithName("GetOwnResponse").WithSummary("De antwoorden bij deze persoonlijke link.").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/parts/{part:int}", async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> (
            string token, int part, SavePartRequest request, RespondentService respondents, CancellationToken ct) =>
            ToResult(await respondents.SavePartAsync(token, part, request.Version, request.Answers, ct)))
            .WithName("SaveResponsePart").WithSummary("Sla de antwoorden van één deel op (vervangt dat deel).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/submit", async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> (string token, RespondentService respondents, HttpContext http, CancellationToken ct) =>
            ToResult(await respondents.SubmitAsync(token, Features.Accounts.UsersEndpoints.BaseUrl(http), ct)))
            .WithName("SubmitResponse").WithSummary("Verstuur de antwoorden.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var invitation = app.MapGroup(ApiConventions.BasePath + "/invitations/{token}").WithTags("Respondent").AllowAnonymous().RequireRateLimiting(RateLimit);
        invitation.MapPut("/opt-out", async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> (string token, RespondentService respondents, CancellationToken ct) =>
            ToResult(await respondents.SetOptOutAsync(token, true, ct)))
            .WithName("OptOut").WithSummary("Meld de gemeente af voor deze ronde: geen herinneringen meer.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        invitation.MapDelete("/opt-out", async Task<Results<Ok<SavedVersion>, ProblemHttpResult>> (string token, RespondentService respondents, CancellationToken ct) =>
            ToResult(await respondents.SetOptOutAsync(token, false, ct)))
            .WithName("UndoOptOut").WithSummary("Maak de afmelding ongedaan.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static Results<Ok<SavedVersion>, ProblemHttpResult> ToResult(SaveOutcome outcome) => outcome switch
    {
        SaveOutcome.Saved saved => TypedResults.Ok(new SavedVersion(saved.Version)),
        SaveOutcome.Refused { Reason: "unknown" } => UnknownToken(),
        SaveOutcome.Refused refused => Refusal(refused),
        SaveOutcome.Stale stale => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = ApiConventions.DutchTitle(409),
            Detail = "Deze antwoorden zijn intussen elders opgeslagen (bijvoorbeeld in een ander tabblad). Laad ze opnieuw; er is niets overschreven.",
            Extensions = { ["currentVersion"] = stale.CurrentVersion },
        }),
        SaveOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("Niet alle antwoorden zijn geldig; er is niets opgeslagen.",
            new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { question = e.Question, message = e.Message }).ToList() })),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>409 with what the respondent needs to know: why, in Dutch, and for a round that is not open its dates.</summary>
    private static ProblemHttpResult Refusal(SaveOutcome.Refused refused)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = refused.Title ?? ApiConventions.DutchTitle(409),
            Detail = refused.Reason,
        };
        if (refused.Round is { } round)
        {
            problem.Extensions["opensOn"] = round.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            problem.Extensions["closesOn"] = round.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult UnknownToken() => ApiConventions.Problem(StatusCodes.Status404NotFound,
        "Deze link is onbekend. Controleer of u de hele link uit de e-mail heeft gebruikt.");
}
