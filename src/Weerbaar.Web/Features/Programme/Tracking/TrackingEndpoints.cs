using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Programme.Tracking;

public static class TrackingEndpoints
{
    public static IServiceCollection AddProgrammeTracking(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<DigestOptions>(config.GetSection(DigestOptions.Section));
        services.AddScoped<StatusUpdateRecorder>().AddScoped<ReviewRecorder>().AddScoped<ScanTrendReader>().AddScoped<TrackingQueries>().AddScoped<ProgrammeDigest>();
        return services.AddHostedService<ProgrammeDigestWorker>();
    }

    /// <summary>Status updates and reviews are appended, never changed: there is no PUT, PATCH or DELETE.</summary>
    public static IEndpointRouteBuilder MapProgrammeTrackingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/programme").WithTags("Programmaplan");

        api.MapGet("/actions/{number:int}/status-updates", async Task<Results<Ok<StatusHistoryDto>, ProblemHttpResult>> (
            string gemeentecode, int number, ReferenceData reference, AppDbContext db, StatusUpdateRecorder recorder, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await db.ProgrammeActions.AsNoTracking().FirstOrDefaultAsync(a => a.GemeenteCode == g.Code && a.Number == number, ct) is { } action
                ? TypedResults.Ok(StatusHistoryDto.Of(action, await recorder.HistoryAsync(action.Id, ct)))
                : ActionNotFound(number);
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListProgrammeActionStatusUpdates")
            .WithSummary("De huidige status van een actie en de geschiedenis van haar voortgangsmeldingen (datum, status, toelichting, bewijs), nieuwste eerst.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // No route constraint here: a POST to a number that is no int is refused by the policy first (403), then as a bad request.
        api.MapPost("/actions/{number}/status-updates", async Task<Results<Created<StatusHistoryDto>, ProblemHttpResult>> (
            string gemeentecode, int number, StatusUpdateRequest request, ReferenceData reference, StatusUpdateRecorder recorder, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await recorder.RecordAsync(g.Code, number, request.ToInput(), http.User.NameOrUnknown(), ct) switch
            {
                StatusUpdateOutcome.Recorded r => TypedResults.Created(
                    $"{ApiConventions.BasePath}/gemeenten/{g.Code}/programme/actions/{number}/status-updates",
                    StatusHistoryDto.Of(r.Action, await recorder.HistoryAsync(r.Action.Id, ct))),
                StatusUpdateOutcome.Invalid invalid => Invalid("De voortgang is niet vastgelegd.", invalid.Errors, StatusUpdateRequest.JsonNames),
                _ => ActionNotFound(number),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateProgrammeActionStatusUpdate")
            .WithSummary("Meld de voortgang van een actie: datum (niet in de toekomst), status, toelichting en bewijs (verplicht bij afgerond). De actie krijgt de status van de melding met de laatste datum.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/deadlines", async Task<Results<Ok<DeadlineOverview>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, TrackingQueries queries, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok(await queries.DeadlinesAsync(g.Code, ct)))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetProgrammeDeadlines")
            .WithSummary("Verlopen termijnen (niet afgeronde of gestopte acties), termijnen in de komende 30 dagen, mijlpalen en partnerafspraken om te herzien, elk met eigenaar.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/progress", async Task<Results<Ok<ProgressDto>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, TrackingQueries queries, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var (progress, trend) = await queries.ProgressAsync(g.Code, ct);
            return TypedResults.Ok(new ProgressDto(g.Code, progress, trend));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetProgrammeProgress")
            .WithSummary("Voortgang per pijler (acties per status, aandeel afgerond naar aantal en naar geld, verlopen) en per pijler de scanscore per ronde naast het aantal acties dat vóór de sluiting af was.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/reviews", async Task<Results<Ok<ReviewListDto>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, TrackingQueries queries, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var (view, reviews, next) = await queries.ReviewsAsync(g.Code, ct);
            return TypedResults.Ok(new ReviewListDto(g.Code, next, view.Programme.ReviewCycleMonths, [.. reviews.Select(r => ReviewDto.Of(r, false))]));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListProgrammeReviews")
            .WithSummary("De reviews van het programma, nieuwste eerst, en wanneer de volgende review verwacht wordt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/reviews/{number:int}", async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> (
            string gemeentecode, int number, ReferenceData reference, TrackingQueries queries, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await queries.ReviewAsync(g.Code, number, ct) is { } r ? TypedResults.Ok(ReviewDto.Of(r, true)) : ReviewNotFound(number))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetProgrammeReview")
            .WithSummary("Eén review met de momentopname van het programma zoals die was op de dag van de review.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/reviews", async Task<Results<Created<ReviewDto>, ProblemHttpResult>> (
            string gemeentecode, ReviewRequest request, ReferenceData reference, ReviewRecorder recorder, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await recorder.RecordAsync(g.Code, request.ToInput(), http.User.NameOrUnknown(), ct) switch
            {
                ReviewOutcome.Recorded r => TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/programme/reviews/{r.Review.Number}", ReviewDto.Of(r.Review, true)),
                ReviewOutcome.Invalid invalid => Invalid("De review is niet vastgelegd.", invalid.Errors, ReviewRequest.JsonNames),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateProgrammeReview")
            .WithSummary("Leg een review vast (periode, datum, samenvatting); de stand van het programma wordt op dit moment als momentopname bewaard.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static ProblemHttpResult Invalid(string detail, IReadOnlyList<FieldError> errors, IReadOnlyDictionary<string, string> names)
    {
        var problem = ApiConventions.ValidationProblem(detail, new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new { field = names.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList(),
        });
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult ActionNotFound(int number)
        => ApiConventions.Problem(StatusCodes.Status404NotFound, $"Er is geen actie A-{number} in het programma van deze gemeente.");

    private static ProblemHttpResult ReviewNotFound(int number)
        => ApiConventions.Problem(StatusCodes.Status404NotFound, $"Er is geen review {number} van het programma van deze gemeente.");
}
