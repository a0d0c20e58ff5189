using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Shared.Tenancy;
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

public abstract partial class FotoMapTests(AppFixture fixture)
{
    private const string Gemeente = "GM0153";
    private WeerbaarFactory App => fixture.Factory;

    [GeneratedRegex("data-buurt=\"")]
    private static partial Regex BuurtShape();

    [Fact]
    public async Task The_html_printed_to_pdf_holds_the_map_with_a_shape_per_buurt_a_legend_a_scale_and_the_source()
    {
        using var scope = App.Services.CreateScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Coordinator), new Claim(WeerbaarClaims.Gemeente, Gemeente)], "test"));
        var builder = ActivatorUtilities.CreateInstance<FotoBuilder>(scope.ServiceProvider, TenantScopeAccessor.For(TenantScope.For(user, _ => [])));
        var foto = (await builder.BuildAsync(Gemeente, CancellationToken.None))!;
        var map = FotoMapSvg.For(foto)!;
        var html = await scope.ServiceProvider.GetRequiredService<ReportPdf>().HtmlAsync(FotoComposer.Compose(foto, map), []);

        var located = foto.SelfReliance.Buurten.Count(b => foto.Geometries.ContainsKey(b.Code) || foto.BuurtPoints.ContainsKey(b.Code));
        Assert.True(located > 10, $"{located} buurten with a place");
        Assert.Equal(located, BuurtShape().Count(html));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        foreach (var legend in new[] { "Kwetsbaarheid 1: laag", "Kwetsbaarheid 4: hoog", "Geen index", "Noodsteunpunt", "Gemeentegrens", "Bron: CBS/Kadaster" })
        {
            Assert.Contains(legend, html, StringComparison.Ordinal);
        }
        Assert.Contains("data-laag=\"schaal\"", html, StringComparison.Ordinal);
        Assert.Contains("data-laag=\"grens\"", html, StringComparison.Ordinal);
        Assert.Contains("Kaart van Enschede", map.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_word_foto_has_the_map_as_a_picture_with_alt_text_and_the_register_only_for_those_who_may_see_it()
    {
        await App.WithDbAsync(async db =>
        {
            if (!await db.Noodsteunpunten.IgnoreQueryFilters().AnyAsync(n => n.GemeenteCode == Gemeente && n.Name == "Kaarttest noodsteunpunt"))
            {
                db.Noodsteunpunten.Add(new Noodsteunpunt { GemeenteCode = Gemeente, Name = "Kaarttest noodsteunpunt", Latitude = 52.23, Longitude = 6.9, Capacity = 40, UpdatedBy = "test" });
                await db.SaveChangesAsync();
            }
            return true;
        });
        async Task<(string Alt, byte[] Png)> MapOf(HttpClient client)
        {
            var bytes = await client.GetByteArrayAsync($"/api/v1/gemeenten/{Gemeente}/foto.docx");
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var main = word.MainDocumentPart!;
            var picture = Assert.Single(main.ImageParts);
            using var stream = picture.GetStream();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            var properties = main.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Single(p => p.Name!.Value!.StartsWith("Kaart", StringComparison.Ordinal));
            Assert.Contains("Bron: CBS/Kadaster", string.Concat(main.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)), StringComparison.Ordinal);
            return (properties.Description!.Value!, copy.ToArray());
        }

        var (alt, png) = await MapOf(await App.UserAsync(Roles.Coordinator, Gemeente));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains("buurten gekleurd naar kwetsbaarheidsklasse", alt, StringComparison.Ordinal);
        Assert.Contains("kwetsbare locaties", alt, StringComparison.Ordinal);

        // National roles may not see the register: no locations on their map, not even a count in the alt text.
        var (nationalAlt, _) = await MapOf(await App.UserAsync(Roles.Onderzoeker));
        Assert.DoesNotContain("kwetsbare locaties", nationalAlt, StringComparison.Ordinal);
        Assert.Contains("noodsteunpunten", nationalAlt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_map_shows_register_markers_to_the_gemeente_and_none_to_national_roles()
    {
        static async Task<string> PdfText(HttpClient client, string url)
        {
            using var document = PdfDocument.Open(await client.GetByteArrayAsync(url));
            return string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        }
        var url = $"/api/v1/gemeenten/{Gemeente}/foto.pdf";
        var own = await PdfText(await App.UserAsync(Roles.Coordinator, Gemeente), url);
        Assert.Contains("Bron:CBS/Kadaster", own, StringComparison.Ordinal);
        Assert.Contains("Kwetsbaarheid4:hoog", own, StringComparison.Ordinal);
        Assert.Contains("Kwetsbarelocatie(register)", own, StringComparison.Ordinal);
        var national = await PdfText(await App.UserAsync(Roles.Onderzoeker), url);
        Assert.Contains("Bron:CBS/Kadaster", national, StringComparison.Ordinal);
        Assert.DoesNotContain("Kwetsbarelocatie(register)", national, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFotoMapTests(SqliteAppFixture fixture) : FotoMapTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFotoMapTests(PostgresAppFixture fixture) : FotoMapTests(fixture);

[Collection(SqliteCollection.Name)]
public sealed class SqliteFotoTests(SqliteAppFixture fixture) : FotoTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFotoTests(PostgresAppFixture fixture) : FotoTests(fixture);
