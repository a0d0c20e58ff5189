using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.CrisisKit;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Bench.CrisisKit;

/// <summary>Where the time of one pack print goes: HTML, each SetContent and print of ReportPdf's two passes, and variants.</summary>
internal static class PackPrintProbe
{
    public static async Task<List<string>> RunAsync(IServiceProvider services, string gemeente, IReadOnlyList<Guid> ids, int samples)
    {
        var lines = new List<string>();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantScopeAccessor>().Use(TenantScope.For(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Role, Roles.Lezer), new Claim(WeerbaarClaims.Gemeente, gemeente)], "probe")), _ => []));
        var builder = sp.GetRequiredService<NoodsteunpuntPackBuilder>();
        var pdf = sp.GetRequiredService<ReportPdf>();
        var chromium = sp.GetRequiredService<ChromiumHost>();
        var sources = (await builder.SourcesAsync(gemeente, CancellationToken.None))!;
        const double pt = 72 / 25.4;
        for (var i = 0; i < samples; i++)
        {
            var content = NoodsteunpuntPackBuilder.Build(sources, ids[i])!;
            var document = PackFiles.Compose(content, TimeProvider.System);
            var entries = document.Headings.Where(h => h.Level <= 2).Select(h => new ReportTocEntry(h.Level, h.Id, h.Text, null)).ToList();
            var w = Stopwatch.StartNew();
            var html = await pdf.HtmlAsync(document, entries);
            var tHtml = w.Elapsed.TotalMilliseconds;
            var line = await chromium.RunAsync(async page =>
            {
                var t = Stopwatch.StartNew();
                double Lap()
                {
                    var ms = t.Elapsed.TotalMilliseconds;
                    t.Restart();
                    return ms;
                }
                Lap();
                await page.SetContentAsync(html);
                var set1 = Lap();
                var first = await page.PdfAsync(Options(false, false));
                var print1 = Lap();
                var pages = HeadingPages.Find(first, entries, ReportPdf.MarginTop * pt, ReportPdf.MarginBottom * pt);
                var find = Lap();
                await page.SetContentAsync(html);
                var set2 = Lap();
                await page.PdfAsync(Options(true, true));
                var taggedOutline = Lap();
                await page.PdfAsync(Options(false, true));
                var outlineOnly = Lap();
                await page.PdfAsync(Options(true, false));
                var taggedOnly = Lap();
                await page.PdfAsync(Options(false, false));
                var plain = Lap();
                return $"| {i + 1} | {html.Length / 1024.0:N0} | {pages.Count(p => p is not null)}/{entries.Count} | {tHtml:N0} | {set1:N0} | {print1:N0} | {find:N0} | {set2:N0} | {taggedOutline:N0} | {outlineOnly:N0} | {taggedOnly:N0} | {plain:N0} |";
            }, CancellationToken.None);
            Console.WriteLine(line);
            lines.Add(line);
        }
        return lines;
    }

    public const string Header = "| pack | HTML KiB | headings found | build HTML ms | SetContent 1 | print 1 (plain) | find headings | SetContent 2 | print tagged + outline (final) | print outline only | print tagged only | print plain again |";

    private static PagePdfOptions Options(bool tagged, bool outline) => new()
    {
        Format = "A4",
        PrintBackground = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<div style=\"font-size: 8pt; margin: 0 18mm;\">Pack</div>",
        FooterTemplate = "<div style=\"font-size: 8pt; margin: 0 18mm;\">Pagina <span class=\"pageNumber\"></span> van <span class=\"totalPages\"></span></div>",
        Margin = new Margin { Top = "22mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
        Outline = outline,
        Tagged = tagged,
    };
}
