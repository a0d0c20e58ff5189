using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Foto;

/// <summary>The foto page and its PDF/Word export: contents, CBS attribution, the register's visibility, escaping.</summary>
public abstract class FotoTests(AppFixture fixture)
{
    private const string Gemeente = "GM0153"; // Enschede: no other test writes registers for it
    private const string Hostile = "Zorgcentrum </script><script>alert(1)</script>";
    private WeerbaarFactory App => fixture.Factory;

    private async Task<string> SeedAsync()
    {
        return await App.WithDbAsync(async db =>
        {
            var buurt = await db.Buurten.Where(b => b.GemeenteCode == Gemeente).OrderByDescending(b => b.Residents).Select(b => b.Code).FirstAsync();
            if (!await db.VulnerableLocations.IgnoreQueryFilters().AnyAsync(l => l.GemeenteCode == Gemeente))
            {
                db.VulnerableLocations.Add(new VulnerableLocation
                {
                    GemeenteCode = Gemeente,
                    Category = "verpleeghuis",
                    Name = Hostile,
                    People = 85,
                    BuurtCode = buurt,
                    Latitude = 52.22,
                    Longitude = 6.89,
                    HoursWithoutPower = 8,
                    HoursWithoutWater = 24,
                    Dependencies = ["stroom", "zorgpersoneel"],
                    UpdatedBy = "test",
                });
                db.Noodsteunpunten.Add(new Noodsteunpunt { GemeenteCode = Gemeente, Name = "Noodsteunpunt Stadhuis (test)", Latitude = 52.221, Longitude = 6.893, Capacity = 250, HasBackupPower = true, UpdatedBy = "test" });
                await db.SaveChangesAsync();
            }
            return buurt;
        });
    }

    [Fact]
    public async Task The_gemeente_sees_its_foto_with_every_part_and_the_cbs_source()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var response = await coordinator.GetAsync($"/gemeenten/{Gemeente}/foto");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var html = WebUtility.HtmlDecode(raw);
        foreach (var expected in new[] { "Foto van Enschede", "Samenvatting", "Positie in de Weerbaarheidsscan", "Kwetsbaarheid per buurt", "Niet 72 uur zelfredzaam",
                     "Kwetsbare locaties", "Noodsteunpunt Stadhuis (test)", "Alle buurten", "Bron: CBS", "foto.pdf", "foto.docx" })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
        // Every buurt of the gemeente is in the table view (the map's text alternative).
        var buurten = await App.WithDbAsync(db => db.Buurten.Where(b => b.GemeenteCode == Gemeente).Select(b => b.Name).ToListAsync());
        Assert.All(buurten, name => Assert.Contains(name, html, StringComparison.Ordinal));
        // The register's hostile name is text in the table and escaped inside the map's JSON: it never closes a script element.
        Assert.DoesNotContain("<script>alert(1)", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task National_roles_see_the_foto_without_the_register_and_other_gemeenten_see_nothing()
    {
        await SeedAsync();
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var html = WebUtility.HtmlDecode(await onderzoeker.GetStringAsync($"/gemeenten/{Gemeente}/foto"));
        Assert.Contains("alleen zichtbaar voor de gemeente", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Zorgcentrum", html, StringComparison.Ordinal);
        Assert.Contains("Noodsteunpunt Stadhuis (test)", html, StringComparison.Ordinal);

        var other = await App.UserAsync(Roles.Coordinator, "GM0164");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/gemeenten/{Gemeente}/foto")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/gemeenten/{Gemeente}/foto.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onderzoeker.GetAsync("/gemeenten/GM9999/foto")).StatusCode);
    }

    [Fact]
    public async Task The_word_export_opens_and_holds_the_tables_and_the_cbs_source()
    {
        await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var docx = await coordinator.GetAsync($"/api/v1/gemeenten/{Gemeente}/foto.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.StartsWith("foto-enschede-", docx.Content.Headers.ContentDisposition?.FileNameStar ?? docx.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var text = string.Concat(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
        foreach (var expected in new[] { "Foto van Enschede", "Kwetsbaarheid per buurt", "Alle buurten", "Bron: CBS", "Zorgcentrum", "Noodsteunpunt Stadhuis (test)" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
        var tables = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.True(tables.Count >= 6, $"{tables.Count} tables");
        var buurten = await App.WithDbAsync(db => db.Buurten.CountAsync(b => b.GemeenteCode == Gemeente));
        // The "all buurten" table: a header row and one row per buurt.
        Assert.Contains(tables, t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count() == buurten + 1);
    }

    [Fact]
    public async Task The_pdf_export_opens_and_holds_the_chapters_and_the_cbs_source()
    {
        await SeedAsync();
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var pdf = await lezer.GetAsync($"/api/v1/gemeenten/{Gemeente}/foto.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[] { "FotovanEnschede", "Kwetsbaarheidperbuurt", "Niet72uurzelfredzaam", "Allebuurten", "Bron:CBS" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFotoTests(SqliteAppFixture fixture) : FotoTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFotoTests(PostgresAppFixture fixture) : FotoTests(fixture);
