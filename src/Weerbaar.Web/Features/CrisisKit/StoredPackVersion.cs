using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// A handed-out version of a pack (a noodsteunpunt's or the crisis team's) of the reader's edition, composed again from
/// its stored content with its own number, day and checksum, and sent as PDF or offline HTML.
/// </summary>
public sealed record StoredPackVersion(CrisisPack Pack, ReportDocument Document, string BaseName)
{
    /// <returns>Null when the gemeente has no such version of this pack in the reader's edition.</returns>
    public static async Task<StoredPackVersion?> FindAsync<TContent>(CrisisPackStore store, NoodsteunpuntPackBuilder builder, string gemeentecode,
        Guid packId, int number, Func<TContent, PackStamp, ReportDocument> compose, Func<TContent, string> baseName, CancellationToken ct)
    {
        if (await store.FindAsync(gemeentecode, packId, builder.WithRegister(gemeentecode), number, ct) is not { } pack)
        {
            return null;
        }
        var content = System.Text.Json.JsonSerializer.Deserialize<TContent>(pack.ContentJson, System.Text.Json.JsonSerializerOptions.Web)!;
        var stamp = new PackStamp(pack.Number, Format.DayInAmsterdam(pack.CreatedAt), pack.Sha256, null);
        return new StoredPackVersion(pack, compose(content, stamp), baseName(content));
    }

    /// <param name="kind">The PDF cache's document kind ("pack", "crisisteam").</param>
    /// <param name="key">The version's key in that kind.</param>
    public Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(PdfDownloads pdf, string kind, string key, CancellationToken ct)
        => pdf.SendAsync(new PdfDocumentId(kind, key, Pack.WithRegister ? "met-register" : "zonder-register"),
            new PdfContent(Document, $"{BaseName}-versie-{Pack.Number}.pdf"), ct);

    public async Task<FileContentHttpResult> HtmlAsync(PackHtml html)
        => TypedResults.File(await html.RenderAsync(Document, System.Text.Encoding.UTF8.GetBytes(Pack.ContentJson)), PackHtml.ContentType + "; charset=utf-8",
            $"{BaseName}-versie-{Pack.Number}.html");
}
