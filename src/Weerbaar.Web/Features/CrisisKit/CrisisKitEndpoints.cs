using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit;

public static class CrisisKitEndpoints
{
    public static IServiceCollection AddCrisisKit(this IServiceCollection services)
        => services.AddScoped<NoodsteunpuntPackBuilder>().AddScoped<PackHtml>();

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
        return app;
    }

    /// <summary>Until packs are handed out as numbered versions, a download is the concept of today (version 0).</summary>
    private static ReportDocument Compose(NoodsteunpuntPackContent content, TimeProvider clock)
        => NoodsteunpuntPackComposer.Compose(content, new PackStamp(0, Format.Today(clock), PackHash.Sha256(PackHash.Json(content)), null));

    private static string FileName(NoodsteunpuntPackContent c) => $"noodsteunpunt-{ReportFileName.Slug(c.Point.Name)}";

    private static ProblemHttpResult NotFound(Guid id) => RegisterApi.NotFound("noodsteunpunt", id);
}
