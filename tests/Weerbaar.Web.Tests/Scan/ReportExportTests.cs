using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>GET report.docx, report.xlsx and report-data.zip of a round with imported responses, and who may get them.</summary>
public abstract class ReportExportTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private async Task<(HttpClient Client, Guid Round, string Suffix)> RoundWithResponsesAsync()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = $"Rapport Één {suffix}", opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = string.Join("\r\n",
            string.Join(",", ResponseCsv.Header(Scan)),
            Row("a", "GM0363", ("B1", "4"), ("EC_score", "6"), ("O1", "=HYPERLINK(\"x\")")),
            Row("b", "GM0344", ("B1", "5"), ("EC_score", "8")),
            Row("c", "GM0014", ("B1", "WN"), ("EC_score", "7"))) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
        return (client, round, suffix);
    }

    private static async Task<byte[]> FileAsync(HttpResponseMessage response, string contentType, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Word_and_Excel_reports_download_and_open()
    {
        var (client, round, suffix) = await RoundWithResponsesAsync();

        var docx = await FileAsync(await client.GetAsync($"/api/v1/rounds/{round}/report.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"weerbaarheidsscan-rapport-een-{suffix}-rapport.docx");
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word).Select(e => e.Description));
            Assert.Contains(word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(),
                p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading1");
        }

        var xlsx = await FileAsync(await client.GetAsync($"/api/v1/rounds/{round}/report.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"weerbaarheidsscan-rapport-een-{suffix}-rapport.xlsx");
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Equal("Inhoud", sheets[0]);
        Assert.True(sheets.Count >= 2);
    }

    [Fact]
    public async Task Data_package_holds_the_response_export_byte_for_byte_the_codebook_and_a_read_me()
    {
        var (client, round, suffix) = await RoundWithResponsesAsync();
        var zip = await FileAsync(await client.GetAsync($"/api/v1/rounds/{round}/report-data.zip"), "application/zip", $"weerbaarheidsscan-rapport-een-{suffix}-data.zip");

        using var archive = new ZipArchive(new MemoryStream(zip));
        Assert.Equal(["antwoorden.csv", "codeboek.json", "codeboek.xlsx", "LEESMIJ.txt"], archive.Entries.Select(e => e.FullName));
        byte[] Entry(string name)
        {
            using var stream = archive.GetEntry(name)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        var export = await client.GetByteArrayAsync($"/api/v1/rounds/{round}/responses/export");
        Assert.Equal(export, Entry("antwoorden.csv"));
        Assert.Contains("'=HYPERLINK", Encoding.UTF8.GetString(export), StringComparison.Ordinal);

        var codebook = JsonNode.Parse(await client.GetStringAsync("/api/v1/instruments/weerbaarheidsscan-2025/codebook"));
        Assert.True(JsonNode.DeepEquals(codebook, JsonNode.Parse(Entry("codeboek.json")))); // the same document as the API serves
        // The workbook's zip carries write times, so compare what the sheets hold.
        static string Cells(byte[] workbook) => JsonSerializer.Serialize(MiniExcel.GetSheetNames(new MemoryStream(workbook)).Select(sheet =>
            MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => r.Values).ToList()));
        Assert.Equal(Cells(await client.GetByteArrayAsync("/api/v1/instruments/weerbaarheidsscan-2025/codebook.xlsx")), Cells(Entry("codeboek.xlsx")));

        var readMe = Encoding.UTF8.GetString(Entry("LEESMIJ.txt")).TrimStart('\uFEFF');
        Assert.Contains($"Rapport Één {suffix}", readMe, StringComparison.Ordinal);
        Assert.Contains("(3 antwoorden)", readMe, StringComparison.Ordinal);
        Assert.Contains("NIET VOOR PUBLICATIE", readMe, StringComparison.Ordinal);
        Assert.Contains("alleen voor het onderzoeksteam", readMe, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.docx")]
    [InlineData("report.xlsx")]
    [InlineData("report-data.zip")]
    public async Task Only_the_research_team_gets_the_exports_of_an_existing_round(string file)
    {
        var (client, round, _) = await RoundWithResponsesAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync($"/api/v1/rounds/{round}/{file}")).StatusCode);
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0363");
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/rounds/{round}/{file}"), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/{file}"), HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReportExportTests(SqliteAppFixture fixture) : ReportExportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReportExportTests(PostgresAppFixture fixture) : ReportExportTests(fixture);
