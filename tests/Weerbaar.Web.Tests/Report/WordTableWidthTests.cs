using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Weerbaar.Analysis.Layout;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Report.Exports;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Tests.Infrastructure;
using Weerbaar.Web.Tests.Programme;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Web.Tests.Report;

/// <summary>
/// Every Word document the product makes (round report, foto, collegevoorstel, programmaplan), fetched from its real
/// endpoint: no table column is narrower than its longest word or number at the table's font size, and every table
/// repeats its header row on each page.
/// </summary>
public abstract class WordTableWidthTests(AppFixture fixture)
{
    private const string Foto = "GM0153";     // Enschede: the foto tests' gemeente (read only here)
    private const string Besluit = "GM0277";  // Rozendaal: no other test uses it
    private WeerbaarFactory App => fixture.Factory;
    private static readonly Instrument Scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;

    private static string Row(string respondent, string gemeente, params (string Column, string Value)[] answers)
        => string.Join(",", new[] { respondent, gemeente, "2025-12-15" }.Concat(Scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));

    private static async Task<byte[]> DocxAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<byte[]> ReportAsync()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var created = await client.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = $"Breedte {Guid.NewGuid():N}"[..20], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var rows = Enumerable.Range(0, 12).Select(i => Row($"r{i}", i % 2 == 0 ? "GM0363" : "GM0344", ("B1", (1 + i % 5).ToString()), ("EC_score", (5 + i % 4).ToString())));
        var csv = string.Join("\r\n", [string.Join(",", ResponseCsv.Header(Scan)), .. rows]) + "\r\n";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);
        return await DocxAsync(client, $"/api/v1/rounds/{round}/report.docx");
    }

    private async Task<byte[]> CollegevoorstelAsync()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Besluit);
        var response = await coordinator.PostAsJsonAsync($"/api/v1/gemeenten/{Besluit}/decision-records", new
        {
            scenarioCode = "langdurige-stroomuitval",
            title = "Eerst voorbereiden op langdurige stroomuitval",
            rationale = "Het risico is het hoogst en de gemeente is er het minst op voorbereid.",
            decisionDate = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            preparedBy = "J. de Vries, adviseur OOV",
            approvedBy = "College van B en W",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        return await DocxAsync(coordinator, $"/api/v1/gemeenten/{Besluit}/decision-records/{number}/collegevoorstel");
    }

    [Fact]
    public async Task No_table_column_in_any_word_document_is_narrower_than_its_longest_word()
    {
        await App.WithDbAsync(async db => { await ProgrammeExportSeed.SeedAsync(db); return true; });
        var documents = new Dictionary<string, byte[]>
        {
            ["rapport"] = await ReportAsync(),
            ["foto"] = await DocxAsync(await App.UserAsync(Roles.Coordinator, Foto), $"/api/v1/gemeenten/{Foto}/foto.docx"),
            ["collegevoorstel"] = await CollegevoorstelAsync(),
            ["programmaplan"] = await DocxAsync(await App.UserAsync(Roles.Coordinator, ProgrammeExportSeed.Blaricum), $"/api/v1/gemeenten/{ProgrammeExportSeed.Blaricum}/programme/plan.docx"),
        };
        var problems = new List<string>();
        foreach (var (name, bytes) in documents)
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var tables = word.MainDocumentPart!.Document!.Body!.Descendants<W.Table>().ToList();
            Assert.NotEmpty(tables);
            foreach (var (table, t) in tables.Select((x, i) => (x, i + 1)))
            {
                var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var rows = table.Elements<W.TableRow>().ToList();
                if (rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>() is null)
                {
                    problems.Add($"{name}, tabel {t}: de kopregel herhaalt niet op elke pagina");
                }
                foreach (var (row, r) in rows.Select((x, i) => (x, i)))
                {
                    foreach (var (cell, c) in row.Elements<W.TableCell>().Select((x, i) => (x, i)))
                    {
                        var text = cell.InnerText;
                        // A number ("10,5 %", "1.234") may not break at all; text may break between words.
                        var number = text.Length > 0 && text.All(ch => char.IsDigit(ch) || ch is ',' or '.' or '%' or ' ' or '<' or '–' or '-' or '+');
                        var need = TextMeasure.LongestWord(text, DocxTables.FontSize, bold: r == 0, whole: number);
                        var cellWidth = int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);
                        var room = Math.Min(grid[c], cellWidth) - DocxTables.CellPadding;
                        if (room < need)
                        {
                            problems.Add($"{name}, tabel {t}, kolom {c + 1}: ‘{text}’ is {TextMeasure.Describe(need)} breed, de kolom biedt {TextMeasure.Describe(room)}");
                        }
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWordTableWidthTests(SqliteAppFixture fixture) : WordTableWidthTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWordTableWidthTests(PostgresAppFixture fixture) : WordTableWidthTests(fixture);
