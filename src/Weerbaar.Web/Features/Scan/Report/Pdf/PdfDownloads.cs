using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>A built document and the name it downloads under.</summary>
public sealed record PdfContent(ReportDocument Document, string FileName);

/// <summary>
/// A document as a PDF download from <see cref="PdfCache"/>, printed only when this version of it is not cached yet.
/// The caller has already authorized the request. Before building, a data version (the document's identity and
/// visibility class, the day, and a <see cref="DataFingerprint"/> of the tables it is built from) finds a print made
/// earlier; otherwise the document is built and its key is a hash of it, so a reader only ever gets the print of exactly
/// what they may see. The key is the ETag: a browser that has this version gets 304. Header X-Pdf-Cache says hit, rendered or joined (waited for another request's print).
/// </summary>
public sealed class PdfDownloads(
    PdfCache cache, DataFingerprint fingerprint, ReportPrintCss css, ChromiumHost chromium, IServiceScopeFactory scopes,
    IHttpContextAccessor http, TimeProvider clock, ILogger<PdfDownloads> logger)
{
    public const string CacheHeader = "X-Pdf-Cache";

    /// <param name="sources">The tables the document is built from (the list beside its builder).</param>
    /// <param name="build">Builds the document; null when it does not exist.</param>
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> SendAsync(PdfDocumentId id, IEnumerable<Type> sources,
        Func<CancellationToken, Task<PdfContent?>> build, Func<ProblemHttpResult> notFound, CancellationToken ct)
    {
        try
        {
            var print = PrintVersion();
            var tables = sources.ToList();
            var version = await DataVersionAsync(id, tables, print, ct);
            if (await cache.TryGetByVersionAsync(version, ct) is { } earlier)
            {
                return Send(earlier.Pdf, earlier.Version, PdfCacheOutcome.Hit);
            }
            if (await build(ct) is not { } content)
            {
                return notFound();
            }
            var (known, pdf, outcome) = await PrintAsync(id, content, print, ct);
            // Only when nothing changed while building: the version read before must describe what was built.
            if (await DataVersionAsync(id, tables, print, ct) == version)
            {
                cache.Remember(version, known);
            }
            return Send(pdf, known, outcome);
        }
        catch (ChromiumUnavailableException e)
        {
            return Unavailable(id, e);
        }
    }

    /// <summary>A document already built (no data version in front): printed once per content, then from the cache.</summary>
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> SendAsync(PdfDocumentId id, PdfContent content, CancellationToken ct)
    {
        try
        {
            var (known, pdf, outcome) = await PrintAsync(id, content, PrintVersion(), ct);
            return Send(pdf, known, outcome);
        }
        catch (ChromiumUnavailableException e)
        {
            return Unavailable(id, e);
        }
    }

    /// <summary>The print of exactly this document: from the cache by its content key, or printed now.</summary>
    private async Task<(KnownVersion Known, byte[] Pdf, PdfCacheOutcome Outcome)> PrintAsync(PdfDocumentId id, PdfContent content, string print, CancellationToken ct)
    {
        var key = PdfDocumentKey.For(id, content.Document, print);
        var result = await cache.GetOrRenderAsync(key, () => RenderAsync(content.Document, id.Kind), ct);
        return (new KnownVersion(key, content.FileName), result.Pdf, result.Outcome);
    }

    private ProblemHttpResult Unavailable(PdfDocumentId id, ChromiumUnavailableException e)
    {
        logger.LogError(e, "PDF {Kind} {Scope} maken mislukt.", id.Kind, id.Scope);
        return ApiConventions.Problem(StatusCodes.Status503ServiceUnavailable, ReportPdfEndpoints.Unavailable);
    }

    private FileContentHttpResult Send(byte[] pdf, KnownVersion version, PdfCacheOutcome outcome)
    {
        if (http.HttpContext?.Response is { } response)
        {
            response.Headers[CacheHeader] = outcome.ToString().ToLowerInvariant();
            // Browsers keep it but ask again each time (a cheap 304); shared caches never keep a gemeente's document.
            response.Headers.CacheControl = "private, no-cache";
        }
        return TypedResults.File(pdf, ReportPdf.ContentType, version.FileName, entityTag: new EntityTagHeaderValue($"\"{version.Key}\""));
    }

    /// <summary>What the document would be built from now: its identity, this build, the printer, the day (documents
    /// are dated) and the state of its tables.</summary>
    private async Task<string> DataVersionAsync(PdfDocumentId id, IEnumerable<Type> tables, string print, CancellationToken ct)
        => PdfCache.Hash($"{id.Kind}\n{id.Scope}\n{id.Visibility}\n{PdfDocumentKey.Build}\n{print}\n{Format.Today(clock):O}\n"
            + await fingerprint.OfAsync(tables, ct));

    // Its own scope: the print outlives the request that started it when others wait for it.
    private async Task<byte[]> RenderAsync(ReportDocument document, string kind)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportPdf>().RenderAsync(document, CancellationToken.None, kind);
    }

    // The stylesheet and the browser that print: an update of either may change the pages.
    private string PrintVersion()
    {
        var path = chromium.ExecutablePath;
        return $"{css.Version}\n{path}\n{(File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0)}";
    }
}
