using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Invitations;

public sealed record InvitationRequest(string? Gemeentecode, string? Name, string? Email, string? Role = null);

public sealed record ContactRequest(string? Name, string? Email, string? Role = null);

public sealed record CreatedInvitation(string Gemeentecode, Guid InvitationId, string Token);

public sealed record RemindRequest(List<string>? Gemeentecodes = null);

public sealed record Reminded(IReadOnlyList<string> Gemeentecodes);

public static class InvitationsEndpoints
{
    public static IEndpointRouteBuilder MapInvitationsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/rounds/{id:guid}").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        group.MapGet("/invitations", async Task<Results<Ok<List<ScanInvitationDto>>, ProblemHttpResult>> (Guid id, InvitationQueries queries, CancellationToken ct) =>
            await queries.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : RoundsEndpoints.RoundNotFound(id))
            .WithName("ListInvitations").WithSummary("De uitnodigingen van de ronde met contactpersoon, herinneringen en status.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/invitations", async Task<Results<Created<List<CreatedInvitation>>, ProblemHttpResult>> (
            Guid id, List<InvitationRequest> request, AppDbContext db, ReferenceData reference, InvitationSender sender, ScanMailer mailer, HttpContext http, CancellationToken ct) =>
        {
            var round = await db.ScanRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (round is null)
            {
                return RoundsEndpoints.RoundNotFound(id);
            }
            if (round.Status == RoundStatus.Gesloten)
            {
                return ClosedRound();
            }
            var existing = (await db.ScanInvitations.IgnoreQueryFilters().Where(i => i.RoundId == id).Select(i => i.GemeenteCode).ToListAsync(ct)).ToHashSet();
            var errors = new List<object>();
            var seen = new HashSet<string>();
            for (var index = 0; index < request.Count; index++)
            {
                var item = request[index];
                var code = item.Gemeentecode?.Trim().ToUpperInvariant() ?? "";
                if (!round.InPopulation(code, reference))
                {
                    errors.Add(new { index, field = "gemeentecode", message = $"'{item.Gemeentecode}' is geen gemeente van deze ronde." });
                }
                else if (existing.Contains(code) || !seen.Add(code))
                {
                    errors.Add(new { index, field = "gemeentecode", message = $"Gemeente {code} heeft in deze ronde al een uitnodiging." });
                }
                errors.AddRange(ContactRules.Validate(item.Name, item.Email, item.Role).Select(e => new { index, field = ApiField(e.Field), message = e.Message }));
            }
            if (request.Count == 0)
            {
                errors.Add(new { index = 0, field = "", message = "Geef minstens één uitnodiging." });
            }
            if (errors.Count > 0)
            {
                return TypedResults.Problem(ApiConventions.ValidationProblem("Er is geen enkele uitnodiging aangemaakt.", new Dictionary<string, object?> { ["errors"] = errors }));
            }
            var created = await sender.CreateAsync(round, request.Select(r => ContactRules.Normalize(r.Gemeentecode!, r.Name!, r.Email!, r.Role)).ToList(),
                mailer.BaseUrl(UsersEndpoints.BaseUrl(http)), ct);
            return TypedResults.Created($"{ApiConventions.BasePath}/rounds/{id}/invitations", created);
        })
        .WithName("CreateInvitations").WithSummary("Nodig gemeenten uit; het persoonlijke token staat alleen in dit antwoord en in de e-mail.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/invitations/{gemeentecode}", async Task<Results<Ok<ContactsResult>, ProblemHttpResult>> (
            Guid id, string gemeentecode, ContactRequest request, ContactsService contacts, HttpContext http, CancellationToken ct) =>
            ToResult(id, await contacts.UpdateAsync(id, new ContactInput(gemeentecode, request.Name ?? "", request.Email ?? "", request.Role), UsersEndpoints.BaseUrl(http), ct)))
            .WithName("SetInvitationContact")
            .WithSummary("Zet de contactpersoon van een gemeente (maakt de uitnodiging aan als die er nog niet is). Een nieuw adres krijgt de uitnodiging opnieuw.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/invitations/import", async Task<Results<Ok<ContactsResult>, ProblemHttpResult>> (
            Guid id, HttpRequest request, ContactsService contacts, CancellationToken ct) =>
        {
            if (await RequestFiles.ReadCsvAsync(request, ct) is not { } bytes)
            {
                return RequestFiles.Refusal(request);
            }
            return ToResult(id, await contacts.ImportAsync(id, bytes, UsersEndpoints.BaseUrl(request.HttpContext), ct));
        })
        .WithName("ImportInvitationContacts").WithSummary("Importeer contactpersonen (CSV gemeentecode,naam,email,rol; alles of niets).")
        .Accepts<string>("text/csv")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/reminders", async Task<Results<Ok<Reminded>, ProblemHttpResult>> (
            Guid id, RemindRequest? request, InvitationSender sender, ScanMailer mailer, HttpContext http, CancellationToken ct) =>
            await sender.RemindNowAsync(id, request?.Gemeentecodes, mailer.BaseUrl(UsersEndpoints.BaseUrl(http)), ct) switch
            {
                null => RoundsEndpoints.RoundNotFound(id),
                { Open: false } => ApiConventions.Problem(StatusCodes.Status409Conflict, "Herinneren kan alleen in een open ronde."),
                { } done => TypedResults.Ok(new Reminded(done.Reminded)),
            })
        .WithName("SendReminders")
        .WithSummary("Herinner nu de uitgenodigde gemeenten die nog niet verstuurd hebben (alle, of de gegeven gemeentecodes); afgemelde gemeenten niet.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static ProblemHttpResult ClosedRound() => ApiConventions.Problem(StatusCodes.Status409Conflict,
        "Deze ronde is gesloten; er kan niets meer worden toegevoegd of gewijzigd.");

    private static string ApiField(string field) => field switch
    {
        "naam" => "name",
        "rol" => "role",
        _ => field,
    };

    private static Results<Ok<ContactsResult>, ProblemHttpResult> ToResult(Guid id, ContactsOutcome outcome) => outcome switch
    {
        ContactsOutcome.Done done => TypedResults.Ok(done.Result),
        ContactsOutcome.NotFound => RoundsEndpoints.RoundNotFound(id),
        ContactsOutcome.Closed => ClosedRound(),
        ContactsOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem(
            $"{invalid.Errors.Count} fout(en); er is niets gewijzigd.",
            new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { row = e.Row, column = e.Column, message = e.Message }).ToList() })),
        _ => throw new InvalidOperationException(),
    };
}
