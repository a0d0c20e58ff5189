using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.CrisisKit.Team;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit;

public static class CrisisKitEndpoints
{
    public static IServiceCollection AddCrisisKit(this IServiceCollection services)
        => services.AddScoped<NoodsteunpuntPackBuilder>().AddScoped<CrisisTeamPackBuilder>().AddScoped<PackHtml>().AddScoped<CrisisPackStore>()
            .AddScoped<Archive.ICrisisKitArchivePart, CrisisTeamArchivePart>();

    public static IEndpointRouteBuilder MapCrisisKitEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/crisis-kit/noodsteunpunten/{id:guid}")
            .WithTags("Crisiskit").RequireAuthorization(Policies.GemeenteLezen);

        api.MapGet("/pack", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string gemeentecode, Guid id, NoodsteunpuntPackBuilder builder, CancellationToken ct) =>
                await builder.BuildAsync(gemeentecode, id, ct) is { } content
                    ? TypedResults.File(PackHash.Json(content), "application/json", $"{FileName(content)}.json")
                    : NotFound(id))
            .WithName("GetNoodsteunpuntPackContent")
            .WithSummary("De inhoud van het pack van een noodsteunpunt als JSON (wat het controlegetal SHA-256 dekt). Kwetsbare locaties alleen voor wie het register bijhoudt.")
            .Produces<NoodsteunpuntPackContent>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/pack.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid id, NoodsteunpuntPackBuilder builder, PdfDownloads pdf, TimeProvider clock, CancellationToken ct) =>
            {
                if (await builder.BuildAsync(gemeentecode, id, ct) is not { } content)
                {
                    return NotFound(id);
                }
                var document = Compose(content, clock);
                return await pdf.SendAsync(new PdfDocumentId("pack", id.ToString("N"), content.Locations is null ? "zonder-register" : "met-register"),
                    new PdfContent(document, $"{FileName(content)}.pdf"), ct);
            })
            .WithName("GetNoodsteunpuntPackPdf")
            .WithSummary("Het pack van een noodsteunpunt als PDF om af te drukken (A4, leesbaar in grijstinten, versie en datum op elke pagina).")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/pack.html", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid id, NoodsteunpuntPackBuilder builder, PackHtml html, TimeProvider clock, CancellationToken ct) =>
                await builder.BuildAsync(gemeentecode, id, ct) is { } content
                    ? TypedResults.File(await html.RenderAsync(Compose(content, clock), PackHash.Json(content)), PackHtml.ContentType + "; charset=utf-8", $"{FileName(content)}.html")
                    : NotFound(id))
            .WithName("GetNoodsteunpuntPackHtml")
            .WithSummary("Het pack van een noodsteunpunt als één HTML-bestand dat zonder server en zonder netwerk opent (bijvoorbeeld van een USB-stick).")
            .Produces<Stream>(StatusCodes.Status200OK, PackHtml.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/versions", async Task<Results<Created<PackVersionDto>, Ok<PackVersionDto>, ProblemHttpResult>> (
                string gemeentecode, Guid id, CrisisPackStore store, HttpContext http, CancellationToken ct) =>
            {
                if (await store.IssueAsync(gemeentecode, id, http.User.NameOrUnknown(), ct) is not { } issued)
                {
                    return NotFound(id);
                }
                var dto = PackVersionDto.Of(issued.Pack, !issued.Created);
                return issued.Created ? TypedResults.Created($"{http.Request.Path}/{dto.Number}", dto) : TypedResults.Ok(dto);
            })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("IssueNoodsteunpuntPackVersion")
            .WithSummary("Maakt een genummerde versie van het pack om uit te reiken; is de inhoud gelijk aan de nieuwste versie, dan komt die terug (200) en wordt niets gemaakt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/versions/{number:int}/pack.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid id, int number, CrisisPackStore store, NoodsteunpuntPackBuilder builder, PdfDownloads pdf, CancellationToken ct) =>
                await StoredAsync(store, builder, gemeentecode, id, number, ct) is { } stored
                    ? await stored.PdfAsync(pdf, "pack", $"{id:N}v{number}", ct)
                    : VersionNotFound(number))
            .WithName("GetNoodsteunpuntPackVersionPdf")
            .WithSummary("Een uitgereikte versie van het pack als PDF, precies zoals die toen is gemaakt (versie, datum en controlegetal op elke pagina).")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/versions/{number:int}/pack.html", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid id, int number, CrisisPackStore store, NoodsteunpuntPackBuilder builder, PackHtml html, CancellationToken ct) =>
                await StoredAsync(store, builder, gemeentecode, id, number, ct) is { } stored ? await stored.HtmlAsync(html) : VersionNotFound(number))
            .WithName("GetNoodsteunpuntPackVersionHtml")
            .WithSummary("Een uitgereikte versie van het pack als één offline HTML-bestand.")
            .Produces<Stream>(StatusCodes.Status200OK, PackHtml.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/crisis-kit/packs", async Task<Results<Ok<List<PackStatusDto>>, ProblemHttpResult>> (
                string gemeentecode, ReferenceData reference, NoodsteunpuntRegister register, CrisisPackStore store, CancellationToken ct) =>
            {
                if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                var statuses = await store.StatusAsync(g.Code, await register.ListAsync(g.Code, ct), ct);
                return TypedResults.Ok(statuses.Select(PackStatusDto.Of).ToList());
            })
            .RequireAuthorization(Policies.GemeenteLezen).WithTags("Crisiskit")
            .WithName("ListNoodsteunpuntPacks")
            .WithSummary("Per noodsteunpunt de nieuwste uitgereikte versie van het pack en of die verouderd is, met wat er sindsdien veranderd is.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        Custody.HandoutEndpoints.MapHandoutEndpoints(app);
        return app.MapCrisisTeamEndpoints();
    }

    private static Task<StoredPackVersion?> StoredAsync(CrisisPackStore store, NoodsteunpuntPackBuilder builder, string gemeentecode, Guid id, int number, CancellationToken ct)
        => StoredPackVersion.FindAsync<NoodsteunpuntPackContent>(store, builder, gemeentecode, id, number, NoodsteunpuntPackComposer.Compose, FileName, ct);

    internal static ProblemHttpResult VersionNotFound(int number) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen versie {number} van dit pack.");

    private static ReportDocument Compose(NoodsteunpuntPackContent content, TimeProvider clock) => PackFiles.Compose(content, clock);

    private static string FileName(NoodsteunpuntPackContent c) => PackFiles.BaseName(c);

    private static ProblemHttpResult NotFound(Guid id) => RegisterApi.NotFound("noodsteunpunt", id);
}
