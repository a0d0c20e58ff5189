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
                Guid id, RoundReport report, ReportPdf pdf, ILogger<ReportPdf> logger, CancellationToken ct) =>
                await report.BuildAsync(id, ct) is { } document
                    ? await DownloadAsync(pdf, document, ReportFileName.For(document.RoundName, "pdf"), logger, ct)
                    : RoundsEndpoints.RoundNotFound(id))
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetRoundReportPdf")
            .WithSummary("Rapport van de ronde als PDF (A4, met inhoudsopgave en paginanummers), afgedrukt met Chromium.")
            .Produces<Stream>(StatusCodes.Status200OK, ReportPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The document as a PDF download, or 503 problem+json in Dutch when Chromium is not available.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        ReportPdf pdf, ReportDocument document, string fileName, ILogger logger, CancellationToken ct)
    {
        try
        {
            return TypedResults.File(await pdf.RenderAsync(document, ct), ReportPdf.ContentType, fileName);
        }
        catch (ChromiumUnavailableException e)
        {
            logger.LogError(e, "PDF {FileName} maken mislukt.", fileName);
            return TypedResults.Problem(Unavailable, statusCode: StatusCodes.Status503ServiceUnavailable, title: ApiConventions.DutchTitle(503));
        }
    }
}
