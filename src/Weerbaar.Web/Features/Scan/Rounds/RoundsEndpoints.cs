using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Rounds;

public sealed record CreateRoundRequest(string? Instrument, string? Name, DateOnly? OpensOn, DateOnly? ClosesOn,
    List<string>? PopulationRegios = null, List<string>? PopulationProvincies = null, bool? AllowChangesAfterSubmit = null, List<int>? ReminderDays = null);

public sealed record UpdateRoundRequest(string? Status);

public sealed record RoundDto(Guid Id, string Name, string Instrument, DateOnly OpensOn, DateOnly ClosesOn, string Status,
    bool AllowChangesAfterSubmit, IReadOnlyList<string> PopulationRegios, IReadOnlyList<string> PopulationProvincies, IReadOnlyList<int> ReminderDays,
    int Population, int Responses);

public static class RoundsEndpoints
{
    public static IEndpointRouteBuilder MapRoundsEndpoints(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup(ApiConventions.BasePath + "/rounds").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        rounds.MapGet("", async (AppDbContext db, ReferenceData reference, CancellationToken ct) =>
            TypedResults.Ok(await ListAsync(db, reference, ct)))
            .WithName("ListRounds").WithSummary("Alle rondes van de Weerbaarheidsscan, nieuwste eerst.");

        rounds.MapGet("/{id:guid}", async Task<Results<Ok<RoundDto>, ProblemHttpResult>> (Guid id, AppDbContext db, ReferenceData reference, CancellationToken ct) =>
            (await ListAsync(db, reference, ct)).FirstOrDefault(r => r.Id == id) is { } round ? TypedResults.Ok(round) : RoundNotFound(id))
            .WithName("GetRound").WithSummary("Eén ronde met haar populatie en aantal responsen.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPost("", async Task<Results<Created<RoundDto>, ProblemHttpResult>> (
            CreateRoundRequest request, RoundCreator creator, ReferenceData reference, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var (round, errors) = await creator.CreateAsync(request, user.NameOrUnknown(), ct);
            return round is null
                ? TypedResults.Problem(ApiConventions.ValidationProblem("De ronde is niet aangemaakt.",
                    new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToList() }))
                : TypedResults.Created($"{ApiConventions.BasePath}/rounds/{round.Id}", ToDto(round, reference, 0));
        })
        .WithName("CreateRound").WithSummary("Maak een ronde aan (status concept).")
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        rounds.MapPatch("/{id:guid}", async Task<Results<Ok<RoundDto>, ProblemHttpResult>> (
            Guid id, UpdateRoundRequest request, RoundLifecycle lifecycle, AppDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            await lifecycle.ChangeAsync(id, request.Status, Accounts.UsersEndpoints.BaseUrl(http), ct) switch
            {
                StatusOutcome.Done done => TypedResults.Ok(ToDto(done.Round, reference, await db.ScanResponses.CountAsync(r => r.RoundId == id, ct))),
                StatusOutcome.NotFound => RoundNotFound(id),
                StatusOutcome.Backwards back => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"Een ronde gaat alleen vooruit: concept → open → gesloten (nu {back.Current.ToString().ToLowerInvariant()})."),
                _ => TypedResults.Problem(ApiConventions.ValidationProblem("Kies status concept, open of gesloten.",
                    new Dictionary<string, object?> { ["errors"] = new[] { new { field = "status", message = "Onbekende status." } } })),
            })
        .WithName("UpdateRound").WithSummary("Zet de status van een ronde verder (concept → open → gesloten).")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    public static ProblemHttpResult RoundNotFound(Guid id) => ApiConventions.Problem(StatusCodes.Status404NotFound, $"Er is geen ronde met id {id}.");

    private static async Task<List<RoundDto>> ListAsync(AppDbContext db, ReferenceData reference, CancellationToken ct)
    {
        var rounds = await db.ScanRounds.AsNoTracking().OrderByDescending(r => r.OpensOn).ThenBy(r => r.Name).ToListAsync(ct);
        var counts = await db.ScanResponses.GroupBy(r => r.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rounds.Select(r => ToDto(r, reference, counts.GetValueOrDefault(r.Id))).ToList();
    }

    private static RoundDto ToDto(ScanRound r, ReferenceData reference, int responses) => new(
        r.Id, r.Name, r.InstrumentId, r.OpensOn, r.ClosesOn, r.Status.ToString().ToLowerInvariant(), r.AllowChangesAfterSubmit,
        r.PopulationRegios, r.PopulationProvincies, r.ReminderDays, reference.Gemeenten.Count(g => r.InPopulation(g.Code, reference)), responses);
}
