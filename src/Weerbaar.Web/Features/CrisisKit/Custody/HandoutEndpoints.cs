using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>The custody register (who holds which pack version), the copies for one recipient, and the reprint schedule.</summary>
public static class HandoutEndpoints
{
    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        [HandoutStore.RecipientName] = "recipientName",
        [HandoutStore.RecipientRole] = "recipientRole",
        [HandoutStore.Note] = "note",
        [HandoutStore.HandedOutOn] = "handedOutOn",
        [ReprintScheduleStore.Months] = "intervalMonths",
        [ReprintScheduleStore.Email] = "reminderEmail",
    };

    public static IServiceCollection AddCrisisKitCustody(this IServiceCollection services)
        => services.AddScoped<HandoutStore>().AddScoped<ReprintScheduleStore>().AddScoped<ReprintReminder>().AddHostedService<ReprintReminderWorker>();

    public static IEndpointRouteBuilder MapHandoutEndpoints(this IEndpointRouteBuilder app)
    {
        var kit = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/crisis-kit").WithTags("Crisiskit").RequireAuthorization(Policies.GemeenteLezen);

        kit.MapGet("/handouts", async Task<Results<Ok<List<HandoutDto>>, ProblemHttpResult>> (string gemeentecode, HandoutStore store, ReferenceData reference, CancellationToken ct) =>
                reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                    ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                    : TypedResults.Ok(List(await store.OverviewAsync(g.Code, ct), null)))
            .WithName("ListPackHandouts")
            .WithSummary("Het uitgifteregister van de crisiskit: wie welke versie van welk pack heeft gekregen, wanneer, en of die nog actueel is of vervangen moet worden. Uitreikingen van de uitgave met het register alleen voor wie die uitgave krijgt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        kit.MapGet("/noodsteunpunten/{id:guid}/handouts", async Task<Results<Ok<List<HandoutDto>>, ProblemHttpResult>> (
                string gemeentecode, Guid id, HandoutStore store, ReferenceData reference, CancellationToken ct) =>
            {
                if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                var overview = await store.OverviewAsync(g.Code, ct);
                return overview.Points.Any(p => p.Id == id) ? TypedResults.Ok(List(overview, id)) : RegisterApi.NotFound("noodsteunpunt", id);
            })
            .WithName("ListNoodsteunpuntPackHandouts")
            .WithSummary("Wie welke versie van het pack van één noodsteunpunt heeft gekregen, en of die actueel is.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        kit.MapPost("/noodsteunpunten/{id:guid}/versions/{number:int}/handouts", (
                string gemeentecode, Guid id, int number, HandoutRequest request, HandoutStore store, ReferenceData reference, HttpContext http, CancellationToken ct)
                => HandOutAsync(gemeentecode, id, number, request, store, reference, http, ct))
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreatePackHandout")
            .WithSummary("Leg vast dat een versie van het pack aan iemand is uitgereikt (naam verplicht; rol of organisatie en notitie niet). Oudere versies van hetzelfde pack bij dezelfde ontvanger gelden daarmee als vervangen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        kit.MapPost("/crisisteam/versions/{number:int}/handouts", (
                string gemeentecode, int number, HandoutRequest request, HandoutStore store, ReferenceData reference, HttpContext http, CancellationToken ct)
                => HandOutAsync(gemeentecode, CrisisPack.CrisisTeam, number, request, store, reference, http, ct))
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateCrisisTeamPackHandout")
            .WithSummary("Leg vast dat een versie van het crisisteampack aan iemand is uitgereikt; oudere versies bij dezelfde ontvanger gelden daarmee als vervangen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        kit.MapPost("/handouts/{handoutId:guid}/return", async Task<Results<Ok<HandoutDto>, ProblemHttpResult>> (
                string gemeentecode, Guid handoutId, HandoutReturnRequest request, HandoutStore store, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            {
                if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                return await store.ReturnAsync(g.Code, handoutId, request.ReturnedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), http.User.NameOrUnknown(), ct) switch
                {
                    HandoutOutcome.Saved s => TypedResults.Ok(HandoutDto.Of(s.Handout, await store.OverviewAsync(g.Code, ct))),
                    HandoutOutcome.Invalid invalid => Invalid("Het pack is niet als ingenomen vastgelegd.", invalid.Errors.Select(e => e with { Field = "returnedOn" })),
                    HandoutOutcome.NotHeld n => ApiConventions.Problem(StatusCodes.Status409Conflict,
                        n.Handout.ReturnedOn is { } r ? $"Dit pack is al ingenomen op {r:d-M-yyyy}." : $"Dit pack is al vervangen door een nieuwere versie op {n.Handout.ReplacedOn:d-M-yyyy}."),
                    _ => HandoutNotFound(handoutId),
                };
            })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("ReturnPackHandout")
            .WithSummary("Leg vast dat een uitgereikt pack is ingenomen zonder dat er een nieuwe versie voor in de plaats kwam. Is het al ingenomen of vervangen, dan volgt 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        kit.MapGet("/handouts/{handoutId:guid}/pack.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid handoutId, HandoutStore store, CrisisPackStore packs, PdfDownloads pdf, CancellationToken ct) =>
            {
                if (await ForRecipientAsync(store, packs, gemeentecode, handoutId, ct) is not { } copy)
                {
                    return HandoutNotFound(handoutId);
                }
                return await pdf.SendAsync(new PdfDocumentId("pack-uitgifte", handoutId.ToString("N"), copy.Handout.WithRegister ? "met-register" : "zonder-register"),
                    new PdfContent(copy.Document, $"{copy.FileName}.pdf"), ct);
            })
            .WithName("GetPackHandoutPdf")
            .WithSummary("Het exemplaar van één ontvanger als PDF: de uitgereikte versie, met bij persoonsgegevens ‘Uitgereikt aan’ en de naam op elke pagina.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        kit.MapGet("/handouts/{handoutId:guid}/pack.html", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid handoutId, HandoutStore store, CrisisPackStore packs, PackHtml html, CancellationToken ct) =>
            {
                if (await ForRecipientAsync(store, packs, gemeentecode, handoutId, ct) is not { } copy)
                {
                    return HandoutNotFound(handoutId);
                }
                return TypedResults.File(await html.RenderAsync(copy.Document, System.Text.Encoding.UTF8.GetBytes(copy.Pack.ContentJson)), PackHtml.ContentType + "; charset=utf-8", $"{copy.FileName}.html");
            })
            .WithName("GetPackHandoutHtml")
            .WithSummary("Het exemplaar van één ontvanger als offline HTML-bestand, met bij persoonsgegevens de naam van de ontvanger boven- en onderaan.")
            .Produces<Stream>(StatusCodes.Status200OK, PackHtml.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        kit.MapGet("/reprint-schedule", async Task<Results<Ok<ReprintScheduleDto>, ProblemHttpResult>> (string gemeentecode, HandoutStore store, ReferenceData reference, CancellationToken ct) =>
                reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                    ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                    : TypedResults.Ok(ReprintScheduleDto.Of(await store.OverviewAsync(g.Code, ct))))
            .WithName("GetPackReprintSchedule")
            .WithSummary("Het herdrukschema van de crisiskit (elke hoeveel maanden, en het adres voor de herinnering) met de packs die nu herdrukt moeten worden en waarom.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        kit.MapPut("/reprint-schedule", async Task<Results<Ok<ReprintScheduleDto>, ProblemHttpResult>> (
                string gemeentecode, ReprintScheduleRequest request, ReprintScheduleStore schedules, HandoutStore store, ReferenceData reference, HttpContext http, CancellationToken ct) =>
            {
                if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                if (request.Version is not { } version)
                {
                    return Invalid("Het herdrukschema is niet opgeslagen.", [new FieldError("version", "Stuur de versie mee die u het laatst hebt opgehaald (0 als er nog niets is opgeslagen).")]);
                }
                return await schedules.SaveAsync(g.Code, request.IntervalMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.ReminderEmail, version, http.User.NameOrUnknown(), ct) switch
                {
                    ScheduleOutcome.Saved => TypedResults.Ok(ReprintScheduleDto.Of(await store.OverviewAsync(g.Code, ct))),
                    ScheduleOutcome.Invalid invalid => Invalid("Het herdrukschema is niet opgeslagen.", invalid.Errors),
                    ScheduleOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                        $"{c.UpdatedBy} heeft het herdrukschema intussen gewijzigd; haal het opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                    var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
                };
            })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("SetPackReprintSchedule")
            .WithSummary("Wijzig het herdrukschema: elke hoeveel maanden (1 tot en met 36, leeg is 6) en het e-mailadres voor de herinnering (leeg: geen e-mail). Stuur de versie mee; is het intussen gewijzigd, dan volgt 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static async Task<Results<Created<HandoutDto>, ProblemHttpResult>> HandOutAsync(
        string gemeentecode, Guid id, int number, HandoutRequest request, HandoutStore store, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
        {
            return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
        }
        var input = new HandoutInput(request.RecipientName, request.RecipientRole, request.Note, request.HandedOutOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        switch (await store.HandOutAsync(g.Code, id, number, input, http.User.NameOrUnknown(), ct))
        {
            case HandoutOutcome.Saved s:
                var overview = await store.OverviewAsync(g.Code, ct);
                return TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/crisis-kit/handouts/{s.Handout.Id}", HandoutDto.Of(s.Handout, overview));
            case HandoutOutcome.Invalid invalid:
                return Invalid("De uitreiking is niet vastgelegd.", invalid.Errors);
            default:
                return ApiConventions.Problem(StatusCodes.Status404NotFound, $"Er is geen versie {number} van dit pack in uw uitgave.");
        }
    }

    private sealed record RecipientCopy(PackHandout Handout, CrisisPack Pack, ReportDocument Document, string FileName);

    /// <summary>The handed-out version, stamped with its own number and day and, when it holds personal data, the recipient.</summary>
    private static async Task<RecipientCopy?> ForRecipientAsync(HandoutStore store, CrisisPackStore packs, string gemeentecode, Guid handoutId, CancellationToken ct)
    {
        if (await store.FindAsync(gemeentecode, handoutId, ct) is not { } h
            || await packs.FindAsync(h.GemeenteCode, h.NoodsteunpuntId, h.WithRegister, h.PackNumber, ct) is not { } pack)
        {
            return null;
        }
        PackStamp Stamp(bool personal) => new(pack.Number, Format.DayInAmsterdam(pack.CreatedAt), pack.Sha256, personal ? h.RecipientName : null);
        var recipient = $"versie-{pack.Number}-{ReportFileName.Slug(h.RecipientName)}";
        if (pack.NoodsteunpuntId == CrisisPack.CrisisTeam)
        {
            var team = JsonSerializer.Deserialize<Team.CrisisTeamPackContent>(pack.ContentJson, JsonSerializerOptions.Web)!;
            return new RecipientCopy(h, pack, Team.CrisisTeamPackComposer.Compose(team, Stamp(PackPersonalData.Holds(team))),
                $"{Team.CrisisTeamEndpoints.FileName(team)}-{recipient}");
        }
        var content = JsonSerializer.Deserialize<NoodsteunpuntPackContent>(pack.ContentJson, JsonSerializerOptions.Web)!;
        return new RecipientCopy(h, pack, NoodsteunpuntPackComposer.Compose(content, Stamp(PackPersonalData.Holds(content))),
            $"noodsteunpunt-{ReportFileName.Slug(content.Point.Name)}-{recipient}");
    }

    private static List<HandoutDto> List(CustodyOverview o, Guid? point)
        => [.. o.Handouts.Where(h => point is null || h.NoodsteunpuntId == point).Select(h => HandoutDto.Of(h, o))];


    private static ProblemHttpResult HandoutNotFound(Guid id) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen uitreiking met id {id} in deze gemeente die u mag zien.");

    private static ProblemHttpResult Invalid(string title, IEnumerable<FieldError> errors) => TypedResults.Problem(ApiConventions.ValidationProblem(title,
        new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = JsonNames.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList() }));
}
