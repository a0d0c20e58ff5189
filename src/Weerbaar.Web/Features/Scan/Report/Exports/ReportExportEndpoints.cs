using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>The report of a round as Word and Excel files, and its raw data package, for the research team.</summary>
public static class ReportExportEndpoints
{
    public static IEndpointRouteBuilder MapReportExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/rounds/{id:guid}").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        group.MapGet("/report.docx", (Guid id, RoundReport report, CancellationToken ct) =>
                RenderAsync(id, report, d => ReportDocx.Render(d), ReportDocx.ContentType, "docx", ct))
            .WithName("GetRoundReportDocument")
            .WithSummary("Het rapport van de ronde als Word-document: titelpagina, inhoudsopgave, koppen, tabellen en grafieken.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDocx.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/report.xlsx", (Guid id, RoundReport report, CancellationToken ct) =>
                RenderAsync(id, report, ReportExcel.Render, ReportExcel.ContentType, "xlsx", ct))
            .WithName("GetRoundReportWorkbook")
            .WithSummary("De tabellen van het rapport als Excel-werkmap: een blad per tabel met bijschrift en n.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportExcel.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/report-data.zip", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, AppDbContext db, ReportDataPackage package, CancellationToken ct) =>
            {
                if (await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } round)
                {
                    return RoundsEndpoints.RoundNotFound(id);
                }
                return TypedResults.File(await package.BuildAsync(round, ct), ReportDataPackage.ContentType, ReportFileName.Named(round.Name, "data.zip"));
            })
            .WithName("GetRoundDataPackage")
            .WithSummary("Ruwe gegevens bij het rapport (niet voor publicatie): antwoorden.csv, codeboek.json, codeboek.xlsx en LEESMIJ.txt in een zip.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportDataPackage.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RenderAsync(Guid id, RoundReport report,
        Func<ReportDocument, byte[]> render, string contentType, string extension, CancellationToken ct)
        => await report.BuildAsync(id, ct) is { } doc
            ? TypedResults.File(render(doc), contentType, ReportFileName.For(doc.RoundName, extension))
            : RoundsEndpoints.RoundNotFound(id);
}
