using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

public static class ReportPdfEndpoints
{
    public const string Unavailable = "PDF maken lukt niet: de browser (Chromium) is niet beschikbaar op de server. Download het rapport als Word of bekijk het in de browser en druk het af.";

    public static IEndpointRouteBuilder MapReportPdfEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/rounds/{id:guid}/report.pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                Guid id, RoundReport report, PdfDownloads pdf, CancellationToken ct) =>
                await pdf.SendAsync(new PdfDocumentId("rapport", id.ToString("N"), Policies.Onderzoek), RoundReport.Tables,
                    async ct => await report.BuildAsync(id, ct) is { } document ? new PdfContent(document, ReportFileName.For(document.RoundName, "pdf")) : null,
                    () => RoundsEndpoints.RoundNotFound(id), ct))
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetRoundReportPdf")
            .WithSummary("Rapport van de ronde als PDF (A4, met inhoudsopgave en paginanummers), afgedrukt met Chromium.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }
}
