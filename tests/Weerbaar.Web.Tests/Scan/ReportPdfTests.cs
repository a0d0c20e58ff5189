using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The report as PDF, printed by the real Chromium (/usr/bin/chromium) and read back with PdfPig.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ReportPdfTests(SqliteAppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Pdf_is_A4_with_page_numbers_tables_figures_and_a_table_of_contents_with_the_right_pages()
    {
        var report = ReportPdfSample.Document();
        byte[] pdf;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            pdf = await scope.ServiceProvider.GetRequiredService<ReportPdf>().RenderAsync(report, CancellationToken.None);
        }

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} pagina's");
        var lines = pages.Select(Lines).ToList();
        var text = pages.Select(p => Squash(string.Concat(p.Letters.Select(l => l.Value)))).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.InRange(pages[i].Width, 594, 596);
            Assert.InRange(pages[i].Height, 841, 843);
            Assert.Contains(Squash($"Pagina {i + 1} van {pages.Count}"), text[i]);
            Assert.Contains(Squash(report.Title), text[i]); // page header
        }

        // The table of contents is the second page, after the cover; each line is a heading and its page number.
        Assert.Contains(Squash(report.Title), text[0]);
        Assert.Contains(Squash("Inhoud"), text[1]);
        foreach (var heading in report.Headings.Where(h => h.Level == 1))
        {
            var tocLine = Assert.Single(lines[1], l => l.StartsWith(Squash(heading.Text), StringComparison.Ordinal));
            var listed = int.Parse(tocLine[Squash(heading.Text).Length..], System.Globalization.CultureInfo.InvariantCulture);
            var found = Enumerable.Range(2, pages.Count - 2).First(p => lines[p].Contains(Squash(heading.Text))) + 1;
            Assert.Equal(found, listed);
        }
        foreach (var heading in report.Headings.Where(h => h.Level == 2))
        {
            Assert.Contains(lines[1], l => l.StartsWith(Squash(heading.Text), StringComparison.Ordinal) && l.Length > Squash(heading.Text).Length);
        }

        var body = string.Concat(text.Skip(2));
        Assert.Contains("<5", body);
        foreach (var figure in report.Blocks.OfType<Weerbaar.Web.Features.Scan.Report.ReportFigure>())
        {
            Assert.Contains(Squash(figure.Title), body);
        }
        foreach (var table in report.Tables)
        {
            Assert.Contains(Squash(table.Caption), body);
            Assert.Contains(Squash(table.Rows[0][0].Text), body);
        }
    }

    [Fact]
    public async Task The_cut_down_stylesheet_prints_the_same_as_all_of_the_app_css()
    {
        var report = ReportPdfSample.Document(2);
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var html = await services.GetRequiredService<ReportPdf>().HtmlAsync(report, []);
        var (start, end) = (html.IndexOf("<style>", StringComparison.Ordinal), html.IndexOf("</style>", StringComparison.Ordinal));
        var all = services.GetRequiredService<ReportPrintCss>().Css;
        Assert.True(end - start < all.Length / 10, $"{end - start} of {all.Length} characters");
        var withAll = string.Concat(html.AsSpan(0, start), "<style>", all, html.AsSpan(end));

        var (pruned, full) = await services.GetRequiredService<ChromiumHost>().RunAsync(async page =>
        {
            var options = new Microsoft.Playwright.PagePdfOptions { Format = "A4", PrintBackground = true };
            await page.SetContentAsync(html);
            var a = await page.PdfAsync(options);
            await page.SetContentAsync(withAll);
            return (a, await page.PdfAsync(options));
        }, CancellationToken.None);

        using var a = PdfDocument.Open(pruned);
        using var b = PdfDocument.Open(full);
        Assert.Equal(b.NumberOfPages, a.NumberOfPages);
        foreach (var (pa, pb) in a.GetPages().Zip(b.GetPages()))
        {
            Assert.Equal(pb.Letters.Select(Glyph), pa.Letters.Select(Glyph));
        }

        static string Glyph(Letter l) => FormattableString.Invariant($"{l.Value}@{l.StartBaseLine.X:F1},{l.StartBaseLine.Y:F1} {l.PointSize:F1} {l.FontName}");
    }

    [Fact]
    public async Task Report_pdf_over_http_for_researchers_only()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var round = await CreateRoundAsync(client, "Rapport PDF ");

        using var response = await client.GetAsync($"/api/v1/rounds/{round}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.StartsWith("weerbaarheidsscan-rapport-pdf-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.EndsWith("-rapport.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync($"/api/v1/rounds/{round}/report.pdf")).StatusCode);
        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/report.pdf"), HttpStatusCode.NotFound);
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0363");
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/rounds/{round}/report.pdf"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_chromium_the_pdf_is_503_with_a_way_out_in_Dutch()
    {
        var dir = Path.Combine(Path.GetTempPath(), "weerbaar-pdf-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            await using (var app = new WeerbaarFactory(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "w.db")}", dir,
                new Dictionary<string, string> { ["Weerbaar:Report:ChromiumPath"] = Path.Combine(dir, "geen-chromium") }))
            {
                var client = await app.UserAsync(Roles.Onderzoeker);
                var round = await CreateRoundAsync(client, "Zonder browser ");
                var problem = await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{round}/report.pdf"), HttpStatusCode.ServiceUnavailable);
                Assert.Equal(ReportPdfEndpoints.Unavailable, problem.GetProperty("detail").GetString());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void File_name_slug_drops_accents_and_punctuation()
    {
        Assert.Equal("weerbaarheidsscan-ronde-een-2026-regio-s-hertogenbosch-rapport.pdf", ReportFileName.For("Ronde één 2026 (regio 's-Hertogenbosch)", "pdf"));
        Assert.Equal("weerbaarheidsscan-ronde-rapport.pdf", ReportFileName.For("—", "pdf"));
    }

    private static async Task<Guid> CreateRoundAsync(HttpClient client, string name)
    {
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = name + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The page's text lines (letters grouped by baseline, left to right), squashed.</summary>
    private static List<string> Lines(Page page) => [.. page.Letters
        .GroupBy(l => Math.Round(l.StartBaseLine.Y))
        .OrderByDescending(g => g.Key)
        .Select(g => Squash(string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))))];

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
