using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Programme.ProgrammeExportSeed;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>The programmaplan as Word, Excel, PDF and page, and the deadline feed: they open, hold the hand-worked figures, and stay within the gemeente.</summary>
public abstract class ProgrammeExportTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private Task<bool> SeedAsync() => App.WithDbAsync(async db => { await ProgrammeExportSeed.SeedAsync(db); return true; });

    private static async Task<byte[]> FileAsync(HttpResponseMessage response, string contentType, string extension)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(extension, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<List<string>> Rows(W.Table table) =>
        [.. table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList())];

    [Fact]
    public async Task Word_document_is_valid_and_holds_the_plan_tables_and_sentences()
    {
        await SeedAsync();
        var client = await App.UserAsync(Roles.Coordinator, Blaricum);
        var docx = await FileAsync(await client.GetAsync($"/gemeenten/{Blaricum}/programma/programmaplan.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 }
            .SelectMany(v => new OpenXmlValidator(v).Validate(word)).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var body = word.MainDocumentPart!.Document!.Body!;
        var headings = body.Descendants<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading1" or "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal(["1. Aanleiding", "2. Doelen", "3. Aanpak per pijler", "4. Organisatie", "5. Planning", "6. Middelen", "7. Risico's"],
            headings.Where(h => h.Length > 2 && char.IsDigit(h[0]) && h[1] == '.' && h[2] == ' '));
        Assert.Equal(["3.1 Eigen continuïteit", "3.2 Crisisorganisatie", "3.3 Sociaal weefsel"], headings.Where(h => h.StartsWith("3.", StringComparison.Ordinal) && char.IsDigit(h[2])));

        // Chapters 3–5 (tables of up to eight columns) on landscape pages, the rest portrait.
        var sizes = body.Descendants<W.PageSize>().Select(s => s.Orient?.Value == W.PageOrientationValues.Landscape).ToList();
        Assert.Equal([false, true, false], sizes);

        var tables = body.Descendants<W.Table>().Select(Rows).ToList();
        var actionTables = tables.Where(t => t[0].Count == 8 && t[0][2] == "Knelpunt dat de actie aanpakt").ToList();
        Assert.Equal(3, actionTables.Count); // one per pillar with actions
        var ec = actionTables.Single(t => t.Any(r => r[0] == "A-1"));
        Assert.Equal(["Actie", "Titel", "Knelpunt dat de actie aanpakt", "Eigenaar", "Partners", "Start", "Deadline", "Status"], ec[0]);
        Assert.Equal(["A-1", "Noodstroom gemeentehuis", "Eigen continuïteit scoort laag maar staat hoog in prioriteit.", "Facilitaire zaken – Jan de Vries",
            "Netbeheerder (elektriciteit en gas)", "4 jan 2027", "31 mrt 2027", "Loopt"], ec[1]);
        var sw = actionTables.Single(t => t.Any(r => r[0] == "A-2"));
        Assert.Equal("Wmo-team (sociaal domein)", sw[1][3]);
        Assert.Equal("Zorginstellingen en thuiszorg, Buurtvereniging De Kern", sw[1][4]);

        var perYear = tables.Single(t => t[0].SequenceEqual(["Jaar", "Eenmalig", "Structureel", "Totaal", "Begroting", "Tekort"]));
        Assert.Equal(["2027", "€ 46.500", "€ 10.000", "€ 56.500", "€ 50.000", "€ 6.500"], perYear[1]);
        Assert.Equal(["2028", "€ 0", "€ 10.000", "€ 10.000", "€ 10.000", "€ 0"], perYear[2]);
        var perPillar = tables.Single(t => t[0][0] == "Pijler" && t[0][1] == "Jaar");
        Assert.Contains(["Sociaal weefsel", "2028", "€ 0", "€ 8.000", "€ 8.000"], perPillar);
        var schedule = tables.Single(t => t[0].SequenceEqual(["Actie", "Titel", "Start", "Klaar", "Deadline", "Speling (dagen)", "Kritiek"]));
        Assert.Equal(["1 apr 2027", "28 aug 2027", "30 jun 2027", "0", "ja"], schedule.Single(r => r[0] == "A-2")[2..]);
        Assert.Contains(tables, t => t[0][0] == "Partner" && t[1].SequenceEqual(["Netbeheerder (elektriciteit en gas)", "Voorrang bij herstel van het gemeentehuis",
            "Liander, team crisis", "20 jan 2027", "1 jul 2027", "A-1"]));
        Assert.Contains(tables, t => t[0][0] == "Actie" && t[0][2] == "R (voert uit)" && t[1].SequenceEqual(["A-1", "Noodstroom gemeentehuis", "Facilitaire zaken", "Burgemeester", "Netbeheerder", "–"]));

        var text = string.Concat(body.Descendants<W.Text>().Select(t => t.Text));
        Assert.Contains("Het kritieke pad loopt via A-1 ‘Noodstroom gemeentehuis’ → A-2", text, StringComparison.Ordinal);
        Assert.Contains("59 dagen na de deadline van 30 juni 2027", text, StringComparison.Ordinal);
        Assert.Contains("In januari 2027 is 1,05 fte gepland tegen 1,00 fte beschikbaar: 0,05 fte te veel.", text, StringComparison.Ordinal);
        Assert.Contains("In 2027 is € 56.500 gepland tegen een begroting van € 50.000: € 6.500 tekort.", text, StringComparison.Ordinal);
        Assert.Contains("heeft geen eigenaar bij naam (alleen de afdeling Wmo-team)", text, StringComparison.Ordinal);
        Assert.Contains("langdurige stroomuitval", text, StringComparison.Ordinal);
        Assert.Contains("Te weinig capaciteit bij de afdeling Wmo.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("n niet gepubliceerd", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_has_a_sheet_per_table_with_numbers_in_the_cells()
    {
        await SeedAsync();
        var client = await App.UserAsync(Roles.Coordinator, Blaricum);
        var xlsx = await FileAsync(await client.GetAsync($"/gemeenten/{Blaricum}/programma/programmaplan.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
        var sheets = MiniExcel.GetSheetNames(new MemoryStream(xlsx));
        Assert.Equal(["Inhoud", "kerngegevens", "acties-ec", "acties-co", "acties-sw", "raci", "partnerafspraken", "planning", "mijlpalen", "budget-pijler", "budget-jaar", "inzet"], sheets);
        List<object?[]> Sheet(string name) => [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false, sheetName: name)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray())];

        var budget = Sheet("budget-jaar");
        Assert.Equal("Geld per jaar tegen de begroting", budget[0][0]);
        Assert.Equal(["Jaar", "Eenmalig", "Structureel", "Totaal", "Begroting", "Tekort"], budget[2].Select(c => c?.ToString()));
        Assert.Equal([2027.0, 46500.0, 10000.0, 56500.0, 50000.0, 6500.0], budget[3].Select(c => Convert.ToDouble(c, System.Globalization.CultureInfo.InvariantCulture)));
        var ec = Sheet("acties-ec");
        Assert.Equal(["A-1", "Noodstroom gemeentehuis"], ec[3][..2].Select(c => c?.ToString()));
        Assert.Equal("Facilitaire zaken – Jan de Vries", ec[3][3]);
        var capacity = Sheet("inzet");
        Assert.Equal("januari 2027", capacity[3][0]);
        Assert.Equal(1.0516, Convert.ToDouble(capacity[3][1], System.Globalization.CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public async Task Pdf_holds_the_action_titles_as_text()
    {
        await SeedAsync();
        var client = await App.UserAsync(Roles.Coordinator, Blaricum);
        var pdf = await FileAsync(await client.GetAsync($"/api/v1/gemeenten/{Blaricum}/programme/plan.pdf"), "application/pdf", ".pdf");
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[] { "Noodstroom gemeentehuis", "Crisisplan actualiseren", "Buurtnetwerken", "3. Aanpak per pijler", "7. Risico's", "€ 56.500" })
        {
            Assert.Contains(expected.Replace(" ", "", StringComparison.Ordinal), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Html_view_shows_the_same_document_and_a_refused_plan_says_why()
    {
        await SeedAsync();
        var client = await App.UserAsync(Roles.Coordinator, Blaricum);
        var html = await client.GetStringAsync($"/gemeenten/{Blaricum}/programma/programmaplan");
        Assert.Contains("Programmaplan Blaricum", html, StringComparison.Ordinal);
        Assert.Contains("Noodstroom gemeentehuis", html, StringComparison.Ordinal);
        Assert.Contains("programmaplan.docx", html, StringComparison.Ordinal);
        Assert.Contains("termijnen.ics", html, StringComparison.Ordinal);

        var laren = await (await App.UserAsync(Roles.Coordinator, Laren)).GetStringAsync($"/gemeenten/{Laren}/programma/programmaplan");
        Assert.Contains("De afhankelijkheden vormen een kring", laren, StringComparison.Ordinal);

        // No programme at all: the documents still open and say so.
        var huizen = await App.UserAsync(Roles.Coordinator, Huizen);
        using var word = WordprocessingDocument.Open(new MemoryStream(await huizen.GetByteArrayAsync($"/gemeenten/{Huizen}/programma/programmaplan.docx")), false);
        Assert.Contains("Het programma heeft nog geen acties.", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        var empty = Ical.Net.Calendar.Load(await huizen.GetStringAsync($"/gemeenten/{Huizen}/programma/termijnen.ics"))!;
        Assert.Empty(empty.Events);
    }

    [Fact]
    public async Task Calendar_parses_with_one_event_per_deadline_and_milestone_folded_and_escaped()
    {
        await SeedAsync();
        var client = await App.UserAsync(Roles.Coordinator, Blaricum);
        var response = await client.GetAsync($"/gemeenten/{Blaricum}/programma/termijnen.ics");
        var bytes = await FileAsync(response, "text/calendar", ".ics");
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var ics = Encoding.UTF8.GetString(bytes);

        // Raw form: CRLF only, no line over 75 octets, every physical line valid UTF-8 on its own (no split characters).
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var lines = SplitCrlf(bytes);
        Assert.All(lines, l => Assert.True(l.Length <= 75, $"{l.Length} octets: {Encoding.UTF8.GetString(l)}"));
        Assert.All(lines, l => strict.GetString(l));
        Assert.Contains(lines, l => l.Length > 0 && l[0] == (byte)' '); // something was folded
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Deadline A-2: Buurtnetwerken\\, zorg\\; één\\nplan voor kwetsbare inwoners — ‘café’ über Ærø ✓ 🌍 samen weerbaar in de wijk\r\n", unfolded, StringComparison.Ordinal);
        foreach (var header in new[] { "VERSION:2.0", "PRODID:", "METHOD:PUBLISH", "X-WR-CALNAME:Termijnen Programma weerbaar Blaricum Blaricum", "CALSCALE:GREGORIAN" })
        {
            Assert.Contains("\r\n" + header, unfolded, StringComparison.Ordinal);
        }

        // The independent parser (Ical.Net) reads what a calendar app reads.
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("PUBLISH", calendar.Method);
        var events = calendar.Events.ToList();
        Assert.Equal(4, events.Count); // 3 deadlines and 1 milestone
        var awkward = events.Single(e => e.Summary!.StartsWith("Deadline A-2", StringComparison.Ordinal));
        Assert.Equal("Deadline A-2: " + AwkwardTitle, awkward.Summary);
        Assert.False(awkward.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2027, 6, 30), awkward.DtStart.Date);
        Assert.Equal(new DateOnly(2027, 7, 1), awkward.DtEnd!.Date);
        Assert.Equal("Eigenaar: Wmo-team (sociaal domein)\nStatus: Niet gestart\nPijler: Sociaal weefsel", awkward.Description);
        Assert.Matches("^actie-[0-9a-f-]{36}-deadline@weerbaar$", awkward.Uid);
        Assert.EndsWith($"/gemeenten/{Blaricum}/programma/acties/2", awkward.Url!.ToString(), StringComparison.Ordinal);
        var milestone = events.Single(e => e.Summary == "Mijlpaal A-1: Offerte aggregaat binnen");
        Assert.Equal(new DateOnly(2027, 2, 15), milestone.DtStart!.Date);
        Assert.Matches("^actie-[0-9a-f-]{36}-mijlpaal-1@weerbaar$", milestone.Uid);
        Assert.All(events, e => Assert.NotNull(e.DtStamp));
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());

        // The same action keeps its UIDs in the next download; the API serves the same feed.
        var again = Ical.Net.Calendar.Load(await client.GetStringAsync($"/api/v1/gemeenten/{Blaricum}/programme/deadlines.ics"))!;
        Assert.Equal(events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
    }

    private static List<byte[]> SplitCrlf(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 2;
                i++;
            }
        }
        return lines;
    }

    public static readonly TheoryData<string> Exports =
    [
        "/gemeenten/{0}/programma/programmaplan.docx", "/gemeenten/{0}/programma/programmaplan.xlsx", "/gemeenten/{0}/programma/programmaplan.pdf",
        "/gemeenten/{0}/programma/termijnen.ics", "/gemeenten/{0}/programma/programmaplan",
        "/api/v1/gemeenten/{0}/programme/plan.docx", "/api/v1/gemeenten/{0}/programme/plan.xlsx", "/api/v1/gemeenten/{0}/programme/plan.pdf",
        "/api/v1/gemeenten/{0}/programme/deadlines.ics",
    ];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task Another_gemeente_or_regio_cannot_read_the_exports(string pattern)
    {
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Blaricum);
        foreach (var outsider in new[] { await App.UserAsync(Roles.Coordinator, Hilversum), await App.UserAsync(Roles.Lezer, Hilversum), await App.UserAsync(Roles.Regio, regio: "VR02") })
        {
            var response = await outsider.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Noodstroom", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        if (!pattern.EndsWith(".pdf", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.OK, (await (await App.UserAsync(Roles.Regio, regio: "VR14")).GetAsync(url)).StatusCode);
        }
    }

    private static readonly string[] Vr14 = ["GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"];

    [Fact]
    public async Task Regio_sees_its_gemeenten_side_by_side_with_shared_partners()
    {
        await SeedAsync();
        var regio = await App.UserAsync(Roles.Regio, regio: "VR14");
        var response = await regio.GetAsync("/api/v1/veiligheidsregios/VR14/programmes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var gemeenten = json.GetProperty("gemeenten").EnumerateArray().ToList();
        Assert.Equal(Vr14.Order(), gemeenten.Select(g => g.GetProperty("gemeentecode").GetString()).Order());
        var blaricum = gemeenten.Single(g => g.GetProperty("gemeentecode").GetString() == Blaricum);
        Assert.Equal("Fatima el Amrani", blaricum.GetProperty("regisseur").GetString());
        Assert.Equal(3, blaricum.GetProperty("actions").GetInt32());
        Assert.Equal(1, blaricum.GetProperty("done").GetInt32());
        Assert.Equal(46_500m, blaricum.GetProperty("oneOffBudget").GetDecimal());
        Assert.Equal(10_000m, blaricum.GetProperty("structuralBudgetPerYear").GetDecimal());
        Assert.Equal(60_000m, blaricum.GetProperty("begroting").GetDecimal());
        Assert.Equal(1, gemeenten.Single(g => g.GetProperty("gemeentecode").GetString() == Hilversum).GetProperty("overdue").GetInt32());
        Assert.False(gemeenten.Single(g => g.GetProperty("gemeentecode").GetString() == Huizen).GetProperty("hasProgramme").GetBoolean());

        var partners = json.GetProperty("partners").EnumerateArray().ToList();
        var shared = partners[0];
        Assert.Equal("netbeheerder", shared.GetProperty("partner").GetString());
        Assert.Equal(2, shared.GetProperty("gemeenten").GetInt32());
        var cells = shared.GetProperty("perGemeente").EnumerateArray().ToDictionary(c => c.GetProperty("gemeentecode").GetString()!);
        Assert.Equal(1, cells[Blaricum].GetProperty("actions").GetInt32());
        Assert.Equal(1, cells[Blaricum].GetProperty("agreements").GetInt32());
        Assert.Equal("2027-07-01", cells[Blaricum].GetProperty("nextReview").GetString());
        Assert.Equal("2027-03-01", cells[Hilversum].GetProperty("nextReview").GetString());
        Assert.Contains(partners, p => p.GetProperty("name").GetString() == "Buurtvereniging De Kern" && p.GetProperty("gemeenten").GetInt32() == 1);
        var ec = json.GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("pillar").GetString() == "EC");
        Assert.Equal(1, ec.GetProperty("perGemeente").EnumerateArray().Single(c => c.GetProperty("gemeentecode").GetString() == Hilversum).GetProperty("actions").GetInt32());

        var page = await regio.GetAsync("/regio/programmas");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var name in new[] { "Blaricum", "Hilversum", "Huizen", "Laren (NH.)", "Wijdemeren", "Gooise Meren", "Netbeheerder (elektriciteit en gas)", "Fatima el Amrani" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("Hoogeveen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_regio_and_gemeente_users_cannot_see_the_regio_overview()
    {
        await SeedAsync();
        var other = await App.UserAsync(Roles.Regio, regio: "VR02");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/veiligheidsregios/VR14/programmes")).StatusCode);
        var page = await other.GetAsync("/regio/programmas?veiligheidsregio=VR14");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("Blaricum", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Its own regio shows none of VR14's gemeenten.
        var own = await (await other.GetAsync("/regio/programmas")).Content.ReadAsStringAsync();
        Assert.Contains("Vlieland", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Blaricum", own, StringComparison.Ordinal);
        var ownApi = JsonDocument.Parse(await other.GetStringAsync("/api/v1/veiligheidsregios/VR02/programmes")).RootElement;
        Assert.DoesNotContain(ownApi.GetProperty("gemeenten").EnumerateArray(), g => Vr14.Contains(g.GetProperty("gemeentecode").GetString()));

        foreach (var gemeenteUser in new[] { await App.UserAsync(Roles.Coordinator, Blaricum), await App.UserAsync(Roles.Lezer, Blaricum) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await gemeenteUser.GetAsync("/api/v1/veiligheidsregios/VR14/programmes")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await gemeenteUser.GetAsync("/regio/programmas?veiligheidsregio=VR14")).StatusCode);
        }
        var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/veiligheidsregios/VR14/programmes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/veiligheidsregios/VR99/programmes")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProgrammeExportTests(SqliteAppFixture fixture) : ProgrammeExportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProgrammeExportTests(PostgresAppFixture fixture) : ProgrammeExportTests(fixture);
