using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit.Team;

public static class CrisisTeamEndpoints
{
    public static IEndpointRouteBuilder MapCrisisTeamEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/crisis-kit/crisisteam")
            .WithTags("Crisiskit").RequireAuthorization(Policies.GemeenteLezen);

        api.MapGet("/pack", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string gemeentecode, CrisisTeamPackBuilder builder, CancellationToken ct) =>
                await builder.BuildAsync(gemeentecode, ct) is { } content
                    ? TypedResults.File(PackHash.Json(content), "application/json", $"{FileName(content)}.json")
                    : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .WithName("GetCrisisTeamPackContent")
            .WithSummary("De inhoud van het crisisteampack als JSON (wat het controlegetal SHA-256 dekt). Kwetsbare locaties alleen voor wie het register bijhoudt.")
            .Produces<CrisisTeamPackContent>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/pack.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, CrisisTeamPackBuilder builder, PdfDownloads pdf, TimeProvider clock, CancellationToken ct) =>
            {
                if (await builder.BuildAsync(gemeentecode, ct) is not { } content)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                return await pdf.SendAsync(new PdfDocumentId("crisisteam", content.Gemeente.Code, Edition(content)),
                    new PdfContent(Concept(content, clock), $"{FileName(content)}.pdf"), ct);
            })
            .WithName("GetCrisisTeamPackPdf")
            .WithSummary("Het crisisteampack als PDF om af te drukken (A4, leesbaar in grijstinten, versie en datum op elke pagina).")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/pack.html", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, CrisisTeamPackBuilder builder, PackHtml html, TimeProvider clock, CancellationToken ct) =>
                await builder.BuildAsync(gemeentecode, ct) is { } content
                    ? TypedResults.File(await html.RenderAsync(Concept(content, clock), PackHash.Json(content)), PackHtml.ContentType + "; charset=utf-8", $"{FileName(content)}.html")
                    : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .WithName("GetCrisisTeamPackHtml")
            .WithSummary("Het crisisteampack als één HTML-bestand dat zonder server en zonder netwerk opent.")
            .Produces<Stream>(StatusCodes.Status200OK, PackHtml.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/status", async Task<Results<Ok<PackStatusDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, CrisisPackStore store, CancellationToken ct) =>
                reference.Gemeente(gemeentecode.ToUpperInvariant()) is { } g
                    ? TypedResults.Ok(PackStatusDto.Of(await store.TeamStatusAsync(g.Code, ct)))
                    : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .WithName("GetCrisisTeamPackStatus")
            .WithSummary("De nieuwste uitgereikte versie van het crisisteampack en of die verouderd is, met wat er sindsdien veranderd is.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/versions", async Task<Results<Created<PackVersionDto>, Ok<PackVersionDto>, ProblemHttpResult>> (
                string gemeentecode, CrisisPackStore store, HttpContext http, CancellationToken ct) =>
            {
                if (await store.IssueTeamAsync(gemeentecode, http.User.NameOrUnknown(), ct) is not { } issued)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                var dto = PackVersionDto.Of(issued.Pack, !issued.Created);
                return issued.Created ? TypedResults.Created($"{http.Request.Path}/{dto.Number}", dto) : TypedResults.Ok(dto);
            })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("IssueCrisisTeamPackVersion")
            .WithSummary("Maakt een genummerde versie van het crisisteampack om uit te reiken; is de inhoud gelijk aan de nieuwste versie, dan komt die terug (200).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/versions/{number:int}/pack.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, int number, CrisisPackStore store, NoodsteunpuntPackBuilder packs, PdfDownloads pdf, CancellationToken ct) =>
                await StoredAsync(store, packs, gemeentecode, number, ct) is { } stored
                    ? await stored.PdfAsync(pdf, "crisisteam", $"{stored.Pack.GemeenteCode}v{number}", ct)
                    : CrisisKitEndpoints.VersionNotFound(number))
            .WithName("GetCrisisTeamPackVersionPdf")
            .WithSummary("Een uitgereikte versie van het crisisteampack als PDF, precies zoals die toen is gemaakt.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/versions/{number:int}/pack.html", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, int number, CrisisPackStore store, NoodsteunpuntPackBuilder packs, PackHtml html, CancellationToken ct) =>
                await StoredAsync(store, packs, gemeentecode, number, ct) is { } stored ? await stored.HtmlAsync(html) : CrisisKitEndpoints.VersionNotFound(number))
            .WithName("GetCrisisTeamPackVersionHtml")
            .WithSummary("Een uitgereikte versie van het crisisteampack als één offline HTML-bestand.")
            .Produces<Stream>(StatusCodes.Status200OK, PackHtml.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Task<StoredPackVersion?> StoredAsync(CrisisPackStore store, NoodsteunpuntPackBuilder packs, string gemeentecode, int number, CancellationToken ct)
        => StoredPackVersion.FindAsync<CrisisTeamPackContent>(store, packs, gemeentecode, CrisisPack.CrisisTeam, number, CrisisTeamPackComposer.Compose, FileName, ct);

    /// <summary>Until it is handed out as a numbered version, a download is the concept of today (version 0).</summary>
    public static ReportDocument Concept(CrisisTeamPackContent content, TimeProvider clock)
        => CrisisTeamPackComposer.Compose(content, new PackStamp(0, Format.Today(clock), PackHash.Sha256(PackHash.Json(content)), null));

    private static string Edition(CrisisTeamPackContent c) => c.Locations is null ? "zonder-register" : "met-register";

    public static string FileName(CrisisTeamPackContent c) => $"crisisteam-{ReportFileName.Slug(c.Gemeente.Name)}";
}
