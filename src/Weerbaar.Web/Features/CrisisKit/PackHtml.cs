using System.Text;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// A pack as one self-contained HTML file for a laptop or USB stick: the same HTML the PDF is printed from (styles inline,
/// maps as inline SVG, no script, no external file) without the cover, with the version line at the top and bottom and the content's
/// canonical JSON in a data block, so anyone can check the SHA-256 without a server.
/// </summary>
public sealed partial class PackHtml(ReportPdf pdf)
{
    public const string ContentType = "text/html";

    public async Task<byte[]> RenderAsync(ReportDocument document, byte[] contentJson)
    {
        // The print's cover repeats the title; on screen the contents (links, no page numbers) come first.
        var toc = document.Headings.Where(h => h.Level <= 2).Select(h => new ReportTocEntry(h.Level, h.Id, h.Text, null)).ToList();
        var html = Cover().Replace(await pdf.HtmlAsync(document, toc), "", 1);
        // The contents go after the title and the version paragraph, before the first chapter.
        if (Contents().Match(html) is { Success: true } nav)
        {
            html = html.Remove(nav.Index, nav.Length);
            var title = html.IndexOf("id=\"rapport-titel\"", StringComparison.Ordinal);
            var chapter = title < 0 ? -1 : html.IndexOf("<h2", title, StringComparison.Ordinal);
            html = chapter < 0 ? html.Insert(nav.Index, nav.Value) : html.Insert(chapter, nav.Value);
        }
        var stamp = $"<p class=\"utrecht-paragraph pack-stamp\">{System.Net.WebUtility.HtmlEncode(document.PageFooter ?? "")}</p>";
        // The serializer escapes <, > and & (\u003C…), so the JSON cannot close the block and its bytes stay those hashed.
        var data = "<script type=\"application/json\" id=\"inhoud\">" + Encoding.UTF8.GetString(contentJson) + "</script>";
        // The print stylesheet leaves the margins to the printer; on a screen the text needs room and a readable width.
        html = html.Replace("</head>", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<style>@media screen { body.report-pdf { max-width: 52rem; margin: 0 auto !important; padding: 1rem 1.5rem 3rem !important; } .pack-stamp { font-weight: bold; } }</style>\n</head>", StringComparison.Ordinal);
        var bodyOpen = html.IndexOf("<body", StringComparison.Ordinal);
        var afterBody = html.IndexOf('>', bodyOpen) + 1;
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var result = new StringBuilder()
            .Append(html, 0, afterBody).Append('\n').Append(stamp)
            .Append(html, afterBody, end - afterBody)
            .Append(stamp).Append('\n').Append(data).Append('\n')
            .Append(html, end, html.Length - end);
        return Encoding.UTF8.GetBytes(result.ToString());
    }

    [GeneratedRegex("""<section class="report-pdf-cover">.*?</section>""", RegexOptions.Singleline)]
    private static partial Regex Cover();

    [GeneratedRegex("""<nav class="report-pdf-toc".*?</nav>""", RegexOptions.Singleline)]
    private static partial Regex Contents();
}
