using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Pdf;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.PdfCache;

/// <summary>
/// The PDF documents over HTTP with the cache: printed once per version, served from disk after that, printed again when
/// any data in the document changes, never handed to a reader who may not see it.
/// </summary>
public abstract class PdfCacheTests(AppFixture fixture)
{
    private const string Gemeente = "GM0703"; // Reimerswaal: no other test uses it
    private const string Other = "GM0753"; // Best: no other test uses it
    private WeerbaarFactory App => fixture.Factory;
    private Features.Scan.Report.Pdf.PdfCache Cache => App.Services.GetRequiredService<Features.Scan.Report.Pdf.PdfCache>();

    private static string Outcome(HttpResponseMessage response) => response.Headers.GetValues(PdfDownloads.CacheHeader).Single();

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, byte[] Pdf, long Renders)> GetAsync(HttpClient client, string path)
    {
        var before = Cache.Renders;
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportPdf.ContentType, response.Content.Headers.ContentType?.MediaType);
        return (response, await response.Content.ReadAsByteArrayAsync(), Cache.Renders - before);
    }

    /// <summary>Asks twice: the second answer comes from the cache with the same bytes and ETag, found by the data version
    /// without building the document, and a browser that has it gets 304.</summary>
    private async Task<EntityTagHeaderValue> CachedAsync(HttpClient client, string path)
    {
        var (_, first, _) = await GetAsync(client, path);
        var versionHits = Cache.VersionHits;
        var (second, again, renders) = await GetAsync(client, path);
        Assert.Equal("hit", Outcome(second));
        Assert.Equal(0, renders);
        Assert.True(Cache.VersionHits > versionHits, "found without building");
        Assert.Equal(first, again);
        var etag = second.Headers.ETag!;
        Assert.Contains("private", second.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        return etag;
    }

    /// <summary>After a change of the data the document shows: a new print with a new ETag, holding the change.</summary>
    private async Task<byte[]> ChangedAsync(HttpClient client, string path, EntityTagHeaderValue old)
    {
        var (response, pdf, renders) = await GetAsync(client, path);
        Assert.Equal("rendered", Outcome(response));
        Assert.Equal(1, renders);
        Assert.NotEqual(old, response.Headers.ETag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(old);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(conditional)).StatusCode);
        return pdf;
    }

    private Task<bool> AddNoodsteunpuntAsync(string name) => App.WithDbAsync(async db =>
    {
        db.Noodsteunpunten.Add(new Noodsteunpunt { GemeenteCode = Gemeente, Name = name, Latitude = 51.43, Longitude = 4.13, Capacity = 120, UpdatedBy = "test" });
        await db.SaveChangesAsync();
        return true;
    });

    [Fact]
    public async Task The_foto_is_printed_once_and_again_when_a_noodsteunpunt_is_added()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var path = $"/api/v1/gemeenten/{Gemeente}/foto.pdf";
        var etag = await CachedAsync(coordinator, path);

        await AddNoodsteunpuntAsync("Dorpshuiscachetest");
        var pdf = await ChangedAsync(coordinator, path, etag);
        Assert.Contains("Dorpshuiscachetest", Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_foto_is_printed_again_when_a_noodsteunpunt_is_renamed()
    {
        await AddNoodsteunpuntAsync("Buurthuis Voor (cachetest)");
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var path = $"/api/v1/gemeenten/{Gemeente}/foto.pdf";
        var etag = await CachedAsync(coordinator, path);

        // An edit keeps the number of rows: the change stamp tells.
        await App.WithDbAsync(async db =>
        {
            var point = await db.Noodsteunpunten.IgnoreQueryFilters().SingleAsync(n => n.GemeenteCode == Gemeente && n.Name == "Buurthuis Voor (cachetest)");
            point.Name = "Buurthuis Na (cachetest)";
            point.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            return true;
        });
        var pdf = await ChangedAsync(coordinator, path, etag);
        Assert.Contains("BuurthuisNa(cachetest)", Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_in_the_foto_docx_is_drawn_once_per_version()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var pictures = App.Services.GetRequiredService<SvgPicture>();
        var path = $"/api/v1/gemeenten/{Gemeente}/foto.docx";
        var first = await coordinator.GetByteArrayAsync(path);
        var drawn = pictures.Drawn;
        var second = await coordinator.GetByteArrayAsync(path);
        Assert.Equal(drawn, pictures.Drawn);
        Assert.True(second.Length > 10_000 && Math.Abs(second.Length - first.Length) < 1_000, $"{first.Length} vs {second.Length} bytes");

        await AddNoodsteunpuntAsync("Kaarttest (cachetest)");
        await coordinator.GetByteArrayAsync(path);
        Assert.Equal(drawn + 1, pictures.Drawn);
    }

    [Fact]
    public async Task A_reader_who_may_not_see_the_register_never_gets_the_foto_with_it()
    {
        await App.WithDbAsync(async db =>
        {
            db.VulnerableLocations.Add(new VulnerableLocation
            {
                GemeenteCode = Gemeente,
                Category = "verpleeghuis",
                Name = "Zorghuisvertrouwelijk",
                People = 40,
                Latitude = 51.44,
                Longitude = 4.12,
                UpdatedBy = "test",
            });
            await db.SaveChangesAsync();
            return true;
        });
        var path = $"/api/v1/gemeenten/{Gemeente}/foto.pdf";
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var (local, localPdf, _) = await GetAsync(coordinator, path);
        Assert.Contains("Zorghuisvertrouwelijk", Text(localPdf), StringComparison.Ordinal);

        // The beheerder reads every foto but not the register (local only): its own print, without the location.
        var admin = await App.AdminAsync();
        var (national, nationalPdf, _) = await GetAsync(admin, path);
        Assert.NotEqual(local.Headers.ETag, national.Headers.ETag);
        Assert.DoesNotContain("Zorghuisvertrouwelijk", Text(nationalPdf), StringComparison.Ordinal);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(local.Headers.ETag!);
        var answer = await admin.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.DoesNotContain("Zorghuisvertrouwelijk", Text(await answer.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_pdf_of_one_gemeente_is_never_served_to_a_user_of_another()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var foto = $"/api/v1/gemeenten/{Gemeente}/foto.pdf";
        var plan = $"/api/v1/gemeenten/{Gemeente}/programme/plan.pdf";
        var fotoTag = (await GetAsync(coordinator, foto)).Response.Headers.ETag!;
        var planTag = (await GetAsync(coordinator, plan)).Response.Headers.ETag!;

        var stranger = await App.UserAsync(Roles.Coordinator, Other);
        foreach (var (path, etag) in new[] { (foto, fotoTag), (plan, planTag), ($"/gemeenten/{Gemeente}/programma/programmaplan.pdf", planTag) })
        {
            Assert.True((await stranger.GetAsync(path)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, path);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
            conditional.Headers.IfNoneMatch.Add(etag);
            var answer = await stranger.SendAsync(conditional);
            Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, path);
            Assert.DoesNotContain("%PDF", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(answer.Headers.Contains(PdfDownloads.CacheHeader));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync(foto)).StatusCode);
    }

    [Fact]
    public async Task Simultaneous_requests_for_a_new_version_wait_for_one_print()
    {
        await AddNoodsteunpuntAsync("Noodsteunpunt Gelijktijdig (cachetest)");
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        var before = Cache.Renders;
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => lezer.GetAsync($"/api/v1/gemeenten/{Gemeente}/foto.pdf")));

        Assert.Equal(1, Cache.Renders - before);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses, r => Outcome(r) == "rendered");
        Assert.All(responses, r => Assert.Contains(Outcome(r), new[] { "rendered", "joined", "hit" }));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
    }

    [Fact]
    public async Task The_report_is_printed_again_when_a_narrative_changes()
    {
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var created = await onderzoeker.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "Cache " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var path = $"/api/v1/rounds/{round}/report.pdf";
        var etag = await CachedAsync(onderzoeker, path);

        await App.WithDbAsync(async db =>
        {
            db.ReportNarratives.Add(new ReportNarrative { RoundId = round, Key = ReportNarrativeKeys.All[0].Key, Markdown = "Cachetestnarratief.", UpdatedBy = "test" });
            await db.SaveChangesAsync();
            return true;
        });
        var pdf = await ChangedAsync(onderzoeker, path, etag);
        Assert.Contains("Cachetestnarratief", Text(pdf), StringComparison.Ordinal);

        // Rounds have no change stamp: their table is fingerprinted whole, so a new name is seen too.
        etag = await CachedAsync(onderzoeker, path);
        await App.WithDbAsync(async db =>
        {
            (await db.ScanRounds.SingleAsync(r => r.Id == round)).Name = "Hernoemde cachetestronde";
            await db.SaveChangesAsync();
            return true;
        });
        Assert.Contains("Hernoemdecachetestronde", Text(await ChangedAsync(onderzoeker, path, etag)), StringComparison.Ordinal);
        Assert.True((await (await App.UserAsync(Roles.Coordinator, Gemeente)).GetAsync(path)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_programme_plan_is_printed_again_when_a_partner_agreement_is_added()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var path = $"/api/v1/gemeenten/{Gemeente}/programme/plan.pdf";
        var etag = await CachedAsync(coordinator, path);
        // The page URL serves the same cached print.
        var page = await coordinator.GetAsync($"/gemeenten/{Gemeente}/programma/programmaplan.pdf");
        Assert.Equal("hit", Outcome(page));
        Assert.Equal(etag, page.Headers.ETag);

        await App.WithDbAsync(async db =>
        {
            db.PartnerAgreements.Add(new PartnerAgreement { GemeenteCode = Gemeente, Partner = "Cachetestpartner", Subject = "Noodwater", ReviewDate = new DateOnly(2027, 6, 1), UpdatedBy = "test" });
            await db.SaveChangesAsync();
            return true;
        });
        var pdf = await ChangedAsync(coordinator, path, etag);
        Assert.Contains("Cachetestpartner", Text(pdf), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePdfCacheTests(SqliteAppFixture fixture) : PdfCacheTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPdfCacheTests(PostgresAppFixture fixture) : PdfCacheTests(fixture);
