using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// A document as a PDF download from <see cref="PdfCache"/>, printed only when this version of it is not cached yet.
/// The caller has already authorized the request and built the document for this reader; the key is a hash of that
/// document, so a reader only ever gets the print of exactly what they may see. The key is the ETag: a browser that
/// has this version gets 304. Header X-Pdf-Cache says hit, rendered or joined (waited for another request's print).
/// </summary>
public sealed class PdfDownloads(
    PdfCache cache, ReportPrintCss css, ChromiumHost chromium, IServiceScopeFactory scopes, IHttpContextAccessor http, ILogger<PdfDownloads> logger)
{
    public const string CacheHeader = "X-Pdf-Cache";

    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> SendAsync(
        PdfDocumentId id, ReportDocument document, string fileName, CancellationToken ct)
    {
        var key = PdfDocumentKey.For(id, document, PrintVersion());
        try
        {
            var result = await cache.GetOrRenderAsync(key, () => RenderAsync(document), ct);
            if (http.HttpContext?.Response is { } response)
            {
                response.Headers[CacheHeader] = result.Outcome.ToString().ToLowerInvariant();
                // Browsers keep it but ask again each time (a cheap 304); shared caches never keep a gemeente's document.
                response.Headers.CacheControl = "private, no-cache";
            }
            return TypedResults.File(result.Pdf, ReportPdf.ContentType, fileName, entityTag: new EntityTagHeaderValue($"\"{key}\""));
        }
        catch (ChromiumUnavailableException e)
        {
            logger.LogError(e, "PDF {FileName} maken mislukt.", fileName);
            return TypedResults.Problem(ReportPdfEndpoints.Unavailable, statusCode: StatusCodes.Status503ServiceUnavailable, title: ApiConventions.DutchTitle(503));
        }
    }

    // Its own scope: the print outlives the request that started it when others wait for it.
    private async Task<byte[]> RenderAsync(ReportDocument document)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportPdf>().RenderAsync(document, CancellationToken.None);
    }

    // The stylesheet and the browser that print: an update of either may change the pages.
    private string PrintVersion()
    {
        var path = chromium.ExecutablePath;
        return $"{css.Version}\n{path}\n{(File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0)}";
    }
}
