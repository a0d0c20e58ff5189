using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Demo;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Report;

/// <summary>The generated report of a round with synthetic responses as PDF and Word: both open and carry its figures.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ReportDownloadsTests(SqliteAppFixture fixture)
{
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private async Task<(HttpClient Client, Guid Round)> DemoRoundAsync()
    {
        var client = await fixture.Factory.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = Scan.Id, name = "Downloads " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Gemeenten from the end of the list: other tests keep to the well-known ones.
        var codes = (await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Gemeenten.OrderByDescending(g => g.Code).Select(g => g.Code).Take(60).ToList())));
        var csv = ResponseCsv.Write(Scan, DemoResponses.Generate(Scan, codes, 40, seed: 11));
        var imported = await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        return (client, round);
    }

    [Fact]
    public async Task Pdf_and_Word_contain_the_chapters_figures_and_generated_sentences()
    {
        var (client, round) = await DemoRoundAsync();

        var pdf = await client.GetAsync($"/api/v1/rounds/{round}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            foreach (var expected in new[] { "1. Inleiding", "2. Verantwoording", "3. Uitkomsten", "4. Conclusie en aanbevelingen", "Figuur 1. Bewustzijn", "Figuur 4. Eigen score", "enigszins tot in zeer grote mate" })
            {
                Assert.Contains(expected.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }
            Assert.True(document.NumberOfPages >= 5, $"{document.NumberOfPages} pages");
        }

        var docx = await client.GetAsync($"/api/v1/rounds/{round}/report.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        // Visible text only (w:t), without field instructions such as SEQ Figuur.
        var body = string.Concat(word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
        Assert.Contains("3. Uitkomsten", body, StringComparison.Ordinal);
        Assert.Contains("Figuur 1. Bewustzijn", body, StringComparison.Ordinal);
        Assert.Contains("enigszins tot in zeer grote mate", body, StringComparison.Ordinal);
        // One native chart per figure: bewustzijn, inzicht, I4 and the pillars.
        Assert.Equal(4, word.MainDocumentPart.ChartParts.Count());
    }
}
