using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Playwright;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// A round's report as PDF (A4): the report view rendered in-process to HTML with the app's stylesheets inlined,
/// printed by Chromium with the title in the page header and "Pagina i van N" in the footer.
/// The table of contents gets its page numbers from a first print: the headings are looked up in that PDF,
/// and the second print shows them. Both prints list the same headings in a number column of fixed width, so
/// the table of contents takes the same number of pages in both and no page number shifts.
/// </summary>
public sealed class ReportPdf(ChromiumHost chromium, ReportPrintCss css, IServiceProvider services, ILoggerFactory loggerFactory, Operations.WeerbaarMetrics metrics)
{
    public const string ContentType = "application/pdf";

    // In millimetres; the header and footer are printed inside the top and bottom margins.
    // Keep in step with @page in wwwroot/css/report-print.css.
    public const double MarginTop = 22, MarginBottom = 20, MarginSide = 18;
    private const double PointsPerMm = 72 / 25.4;

    /// <param name="kind">What is printed, for the print-time metric (report, foto, programmaplan, a pack …).</param>
    public async Task<byte[]> RenderAsync(ReportDocument document, CancellationToken ct, string kind = "report")
    {
        var entries = Entries(document);
        var draft = await HtmlAsync(document, entries);
        return await chromium.RunAsync(page => metrics.TimePrintAsync(kind, () => PrintBothAsync(page, document, entries, draft)), ct);
    }

    /// <summary>
    /// Prints on a page the caller got from <see cref="ChromiumHost.RunAsync{T}"/> and keeps for a batch of documents (a
    /// new browser context per document costs a renderer process each time). The page holds no state between documents:
    /// each print sets its whole content.
    /// </summary>
    public async Task<byte[]> RenderOnAsync(IPage page, ReportDocument document, string kind = "noodsteunpunt-pack")
    {
        var entries = Entries(document);
        var html = await HtmlAsync(document, entries);
        return await metrics.TimePrintAsync(kind, () => PrintBothAsync(page, document, entries, html));
    }

    private static List<ReportTocEntry> Entries(ReportDocument document)
        => document.Headings.Where(h => h.Level <= 2).Select(h => new ReportTocEntry(h.Level, h.Id, h.Text, null)).ToList();

    private async Task<byte[]> PrintBothAsync(IPage page, ReportDocument document, List<ReportTocEntry> entries, string draft)
    {
        await page.SetContentAsync(draft);
        if (!document.TocPageNumbers)
        {
            return await PrintAsync(page, document, final: true);
        }
        var first = await PrintAsync(page, document, final: false);
        var pages = HeadingPages.Find(first, entries, MarginTop * PointsPerMm, MarginBottom * PointsPerMm);
        var toc = entries.Select((e, i) => e with { Page = pages[i] }).ToList();
        await page.SetContentAsync(await HtmlAsync(document, toc));
        return await PrintAsync(page, document, final: true);
    }

    /// <summary>The whole HTML document Chromium prints (public for checks and debugging).</summary>
    public async Task<string> HtmlAsync(ReportDocument document, IReadOnlyList<ReportTocEntry> toc)
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ReportPdfLayout>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ReportPdfLayout.Document)] = document,
                [nameof(ReportPdfLayout.Toc)] = toc,
            }));
            return output.ToHtmlString();
        });
        const string styles = "<!--styles-->";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(document.Title))
            .Append("</title>\n").Append(styles).Append("\n</head>\n")
            .Append("<body class=\"utrecht-body voorbeeld-theme report-pdf\">\n").Append(body).Append("\n</body>\n</html>\n")
            .ToString();
        var at = html.IndexOf(styles, StringComparison.Ordinal);
        return html[..at] + "<style>\n" + css.For(html) + "</style>" + html[(at + styles.Length)..];
    }

    private static async Task<byte[]> PrintAsync(IPage page, ReportDocument document, bool final)
    {
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = Header(document.Title),
            FooterTemplate = Footer(document.PageFooter),
            Margin = new Margin { Top = Mm(MarginTop), Bottom = Mm(MarginBottom), Left = Mm(MarginSide), Right = Mm(MarginSide) },
            // Bookmarks and structure tags (screen readers) only in the copy that is handed out.
            Outline = final,
            Tagged = final,
        });
    }

    private static string Mm(double mm) => mm.ToString(System.Globalization.CultureInfo.InvariantCulture) + "mm";

    // Header and footer templates get none of the page's styles; their default font size is tiny.
    private const string TemplateStyle = "font-family: 'Noto Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8pt; color: #4b4b4b; width: 100%; margin: 0 18mm;";

    private static string Header(string title)
        => $"<div style=\"{TemplateStyle} text-align: start;\">{WebUtility.HtmlEncode(title)}</div>";

    private static string Footer(string? text)
        => $"<div style=\"{TemplateStyle} text-align: center;\">{(text is null ? "" : WebUtility.HtmlEncode(text) + " · ")}Pagina <span class=\"pageNumber\"></span> van <span class=\"totalPages\"></span></div>";
}
