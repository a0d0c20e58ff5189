using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Rounds;

public sealed record CreateRoundRequest(string? Instrument, string? Name, DateOnly? OpensOn, DateOnly? ClosesOn,
    List<string>? PopulationRegios = null, List<string>? PopulationProvincies = null, bool? AllowChangesAfterSubmit = null);

public sealed record UpdateRoundRequest(string? Status);

public sealed record RoundDto(Guid Id, string Name, string Instrument, DateOnly OpensOn, DateOnly ClosesOn, string Status,
    bool AllowChangesAfterSubmit, IReadOnlyList<string> PopulationRegios, IReadOnlyList<string> PopulationProvincies, int Population, int Responses);

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
            CreateRoundRequest request, AppDbContext db, InstrumentCatalog instruments, ReferenceData reference, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<object>();
            var instrument = instruments.Find(request.Instrument);
            if (instrument is null)
            {
                errors.Add(new { field = "instrument", message = $"Onbekende vragenlijst '{request.Instrument}'; kies uit {string.Join(", ", instruments.All.Select(i => i.Id))}." });
            }
            var name = request.Name?.Trim() ?? "";
            if (name.Length is 0 or > 200)
            {
                errors.Add(new { field = "name", message = "Geef de ronde een naam van hoogstens 200 tekens." });
            }
            if (request.OpensOn is null || request.ClosesOn is null)
            {
                errors.Add(new { field = "opensOn", message = "Geef een openings- en sluitingsdatum (JJJJ-MM-DD)." });
            }
            else if (request.ClosesOn < request.OpensOn)
            {
                errors.Add(new { field = "closesOn", message = "De sluitingsdatum ligt vóór de openingsdatum." });
            }
            var regios = (request.PopulationRegios ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
            var provincies = (request.PopulationProvincies ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
            errors.AddRange(regios.Where(r => reference.VeiligheidsregioName(r) is null).Select(r => new { field = "populationRegios", message = $"Onbekende veiligheidsregio '{r}'." }));
            errors.AddRange(provincies.Where(p => reference.ProvincieName(p) is null).Select(p => new { field = "populationProvincies", message = $"Onbekende provincie '{p}'." }));
            if (errors.Count > 0)
            {
                return TypedResults.Problem(ApiConventions.ValidationProblem("De ronde is niet aangemaakt.", new Dictionary<string, object?> { ["errors"] = errors }));
            }
            var round = new ScanRound
            {
                Name = name,
                InstrumentId = instrument!.Id,
                InstrumentHash = instruments.Hash(instrument.Id),
                OpensOn = request.OpensOn!.Value,
                ClosesOn = request.ClosesOn!.Value,
                Status = RoundStatus.Concept,
                AllowChangesAfterSubmit = request.AllowChangesAfterSubmit ?? true,
                PopulationRegios = regios,
                PopulationProvincies = provincies,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = user.Identity?.Name ?? "?",
            };
            db.ScanRounds.Add(round);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"{ApiConventions.BasePath}/rounds/{round.Id}", ToDto(round, reference, 0));
        })
        .WithName("CreateRound").WithSummary("Maak een ronde aan (status concept).")
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        rounds.MapPatch("/{id:guid}", async Task<Results<Ok<RoundDto>, ProblemHttpResult>> (
            Guid id, UpdateRoundRequest request, AppDbContext db, ReferenceData reference, Invitations.InvitationSender invitations, HttpContext http, CancellationToken ct) =>
        {
            var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return RoundNotFound(id);
            }
            if (!Enum.TryParse<RoundStatus>(request.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return TypedResults.Problem(ApiConventions.ValidationProblem("Kies status concept, open of gesloten.",
                    new Dictionary<string, object?> { ["errors"] = new[] { new { field = "status", message = "Onbekende status." } } }));
            }
            if (status < round.Status)
            {
                return TypedResults.Problem($"Een ronde gaat alleen vooruit: concept → open → gesloten (nu {round.Status.ToString().ToLowerInvariant()}).",
                    statusCode: StatusCodes.Status409Conflict, title: ApiConventions.DutchTitle(409));
            }
            if (status == RoundStatus.Open && round.Status == RoundStatus.Concept)
            {
                await invitations.QueuePendingAsync(round, Accounts.UsersEndpoints.BaseUrl(http), ct);
            }
            round.Status = status;
            await db.SaveChangesAsync(ct);
            var responses = await db.ScanResponses.CountAsync(r => r.RoundId == id, ct);
            return TypedResults.Ok(ToDto(round, reference, responses));
        })
        .WithName("UpdateRound").WithSummary("Zet de status van een ronde verder (concept → open → gesloten).")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    public static ProblemHttpResult RoundNotFound(Guid id) => TypedResults.Problem($"Er is geen ronde met id {id}.",
        statusCode: StatusCodes.Status404NotFound, title: ApiConventions.DutchTitle(404));

    private static async Task<List<RoundDto>> ListAsync(AppDbContext db, ReferenceData reference, CancellationToken ct)
    {
        var rounds = await db.ScanRounds.AsNoTracking().OrderByDescending(r => r.OpensOn).ThenBy(r => r.Name).ToListAsync(ct);
        var counts = await db.ScanResponses.GroupBy(r => r.RoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return rounds.Select(r => ToDto(r, reference, counts.GetValueOrDefault(r.Id))).ToList();
    }

    private static RoundDto ToDto(ScanRound r, ReferenceData reference, int responses) => new(
        r.Id, r.Name, r.InstrumentId, r.OpensOn, r.ClosesOn, r.Status.ToString().ToLowerInvariant(), r.AllowChangesAfterSubmit,
        r.PopulationRegios, r.PopulationProvincies, reference.Gemeenten.Count(g => r.InPopulation(g.Code, reference)), responses);
}
