using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Coverage;

/// <summary>Noodsteunpunten coverage over HTTP: the shipped buurt points, loaded geometry first, the gemeente's norms, the overviews.</summary>
public abstract class CoverageTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    // Baarn: 21 buurten in the CBS file, 19 with a CBS/Kadaster point (veiligheidsregio Utrecht).
    private const string Baarn = "GM0308";

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * r * Math.Asin(Math.Sqrt(a));
    }

    private async Task<(List<Buurt> Buurten, Dictionary<string, BuurtPoint> Points)> BuurtenAsync(string gemeente)
    {
        var prefix = "BU" + gemeente[2..];
        return (await App.WithDbAsync(db => db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente).ToListAsync()),
            await App.WithDbAsync(db => db.BuurtPoints.AsNoTracking().Where(p => p.BuurtCode.StartsWith(prefix)).ToDictionaryAsync(p => p.BuurtCode)));
    }

    private async Task<Guid> AddPointAsync(string gemeente, string name, double? lat, double? lon) => await App.WithDbAsync(async db =>
    {
        var n = new Noodsteunpunt { GemeenteCode = gemeente, Name = name, Latitude = lat, Longitude = lon, UpdatedBy = "test" };
        db.Noodsteunpunten.Add(n);
        await db.SaveChangesAsync();
        return n.Id;
    });

    [Fact]
    public async Task The_buurt_points_are_loaded_as_reference_data()
    {
        Assert.Equal(9_859, await App.WithDbAsync(db => db.BuurtPoints.CountAsync()));
        var (buurten, points) = await BuurtenAsync(Baarn);
        Assert.Equal(21, buurten.Count);
        Assert.Equal(19, points.Count);
        Assert.False(await App.WithDbAsync(db => BuurtPointLoader.EnsureLoadedAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)));
    }

    [Fact]
    public async Task Coverage_per_buurt_and_for_the_gemeente_follows_the_points_and_the_norms()
    {
        var (buurten, points) = await BuurtenAsync(Baarn);
        var centre = points.Values.OrderBy(p => p.BuurtCode, StringComparer.Ordinal).First();
        await AddPointAsync(Baarn, "Noodsteunpunt centrum (test)", centre.Latitude, centre.Longitude);
        await AddPointAsync(Baarn, "Noodsteunpunt zonder plek (test)", null, null);

        var body = await (await App.UserAsync(Roles.Lezer, Baarn)).GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Baarn}/noodsteunpunten-coverage");

        // Expected by an independent haversine: covered when distance × 1.3 ≤ 1,000 m.
        var located = buurten.Where(b => points.ContainsKey(b.Code)).ToList();
        var covered = located.Where(b => Haversine(points[b.Code].Latitude, points[b.Code].Longitude, centre.Latitude, centre.Longitude) * 1.3 <= 1000).ToList();
        Assert.Equal(located.Sum(b => b.Residents ?? 0), body.GetProperty("residentsLocated").GetInt32());
        Assert.Equal(covered.Sum(b => b.Residents ?? 0), body.GetProperty("residentsCovered").GetInt32());
        Assert.Equal((2, 1), (body.GetProperty("points").GetInt32(), body.GetProperty("pointsWithoutLocation").GetInt32()));
        // Baarn has 25,065 buurt residents; ⌈residents / 4,000⌉ from the gemeente total.
        var residents = body.GetProperty("residents").GetInt32();
        Assert.Equal((residents + 3999) / 4000, body.GetProperty("pointsNeeded").GetInt32());
        Assert.Equal(2, body.GetProperty("buurtenWithoutLocation").GetInt32());
        Assert.Equal(buurten.Where(b => !points.ContainsKey(b.Code)).Sum(b => b.Residents ?? 0), body.GetProperty("residentsWithoutLocation").GetInt32());

        var rows = body.GetProperty("buurten").EnumerateArray().ToDictionary(b => b.GetProperty("buurtcode").GetString()!);
        Assert.Equal(0, rows[centre.BuurtCode].GetProperty("distanceMeters").GetDouble());
        Assert.Equal("Noodsteunpunt centrum (test)", rows[centre.BuurtCode].GetProperty("nearestNoodsteunpunt").GetString());
        Assert.Equal("cbs-kadaster-punt", rows[centre.BuurtCode].GetProperty("locationSource").GetString());
        var far = located.OrderByDescending(b => Haversine(points[b.Code].Latitude, points[b.Code].Longitude, centre.Latitude, centre.Longitude)).First();
        Assert.Equal(Math.Round(Haversine(points[far.Code].Latitude, points[far.Code].Longitude, centre.Latitude, centre.Longitude) * 1.3),
            rows[far.Code].GetProperty("distanceMeters").GetDouble(), 0);
        Assert.All(buurten.Where(b => !points.ContainsKey(b.Code)), b => Assert.False(rows[b.Code].GetProperty("hasLocation").GetBoolean()));
        Assert.Equal(located.Sum(b => b.Residents ?? 0), body.GetProperty("bands").EnumerateArray().Sum(b => b.GetProperty("residents").GetInt32()));
        Assert.Contains("CBS/Kadaster", body.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, body.GetProperty("norms").GetArrayLength());
    }

    [Fact]
    public async Task Loaded_geometry_takes_precedence_over_the_cbs_point()
    {
        const string gemeente = "GM0331"; // Lopik: 14 buurten, all with a point
        var (buurten, points) = await BuurtenAsync(gemeente);
        var buurt = buurten.OrderBy(b => b.Code, StringComparer.Ordinal).First();
        var p = points[buurt.Code];
        await AddPointAsync(gemeente, "Noodsteunpunt (test)", p.Latitude, p.Longitude);
        var lezer = await App.UserAsync(Roles.Lezer, gemeente);
        var before = await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{gemeente}/noodsteunpunten-coverage");
        Assert.Equal(0, Row(before, buurt.Code).GetProperty("distanceMeters").GetDouble());

        // A beheerder's geometry puts the buurt 0.01° (1,111.95 m) further north: 1,445.5 m with the detour factor.
        await App.WithDbAsync(async db =>
        {
            db.BuurtGeometries.Add(new BuurtGeometry
            {
                BuurtCode = buurt.Code,
                GeoJson = "{\"type\":\"Point\",\"coordinates\":[0,0]}",
                CentroidLatitude = p.Latitude + 0.01,
                CentroidLongitude = p.Longitude,
                LoadedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        try
        {
            var after = await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{gemeente}/noodsteunpunten-coverage");
            Assert.Equal("buurtgrens", Row(after, buurt.Code).GetProperty("locationSource").GetString());
            Assert.Equal(Math.Round(Haversine(p.Latitude + 0.01, p.Longitude, p.Latitude, p.Longitude) * 1.3), Row(after, buurt.Code).GetProperty("distanceMeters").GetDouble());
            Assert.False(Row(after, buurt.Code).GetProperty("covered").GetBoolean());
        }
        finally
        {
            await App.WithDbAsync(db => db.BuurtGeometries.Where(g => g.BuurtCode == buurt.Code).ExecuteDeleteAsync());
        }

        static JsonElement Row(JsonElement body, string code) => body.GetProperty("buurten").EnumerateArray().Single(b => b.GetProperty("buurtcode").GetString() == code);
    }

    [Fact]
    public async Task Norms_are_the_gemeentes_own_validated_and_versioned()
    {
        const string gemeente = "GM0335"; // Montfoort
        var coordinator = await App.UserAsync(Roles.Coordinator, gemeente);
        var url = $"/api/v1/gemeenten/{gemeente}/noodsteunpunten-coverage";
        var initial = await coordinator.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(0, initial.GetProperty("normsVersion").GetInt32());
        Assert.Contains("regionale pilot", initial.GetProperty("norms")[0].GetProperty("source").GetString(), StringComparison.Ordinal);

        var bad = await coordinator.PutAsJsonAsync(url + "/norms", new { version = 0, normDistanceMeters = 5, detourFactor = 0.5, residentsPerPoint = 10 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["normDistanceMeters", "detourFactor", "residentsPerPoint"], errors);
        Assert.Null(await App.WithDbAsync(db => db.CoverageSettings.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.GemeenteCode == gemeente)));

        var ok = await coordinator.PutAsJsonAsync(url + "/norms", new { version = 0, normDistanceMeters = 1500, residentsPerPoint = 2000 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, saved.GetProperty("normsVersion").GetInt32());
        Assert.Equal((saved.GetProperty("residents").GetInt32() + 1999) / 2000, saved.GetProperty("pointsNeeded").GetInt32());
        Assert.Equal(1.3, saved.GetProperty("norms")[1].GetProperty("value").GetDouble());
        Assert.Contains("Vastgesteld door de gemeente", saved.GetProperty("norms")[0].GetProperty("source").GetString(), StringComparison.Ordinal);

        var stale = await coordinator.PutAsJsonAsync(url + "/norms", new { version = 0, normDistanceMeters = 800 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var lezer = await App.UserAsync(Roles.Lezer, gemeente);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync(url + "/norms", new { normDistanceMeters = 800 })).StatusCode);
        var other = await App.UserAsync(Roles.Coordinator, "GM0344");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync(url + "/norms", new { normDistanceMeters = 800 })).StatusCode);

        var reset = await coordinator.PutAsJsonAsync(url + "/norms", new { version = 1, reset = true });
        Assert.Equal(1000, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("norms")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task The_page_lists_buurten_without_a_location_and_the_coordinator_sets_norms_by_form()
    {
        const string gemeente = "GM0352"; // Wijk bij Duurstede: 18 buurten, 5 with a point
        var url = $"/gemeenten/{gemeente}/noodsteunpunten/dekking";
        var coordinator = await App.UserAsync(Roles.Coordinator, gemeente);
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(url));
        Assert.Contains("13 buurten met", html, StringComparison.Ordinal);
        Assert.Contains("Bron: CBS/Kadaster", html, StringComparison.Ordinal);
        Assert.Contains("id=\"dekking-kaart-data\"", html, StringComparison.Ordinal);

        var wrong = await HtmlForms.PostFormAsync(coordinator, url, "normen", new Dictionary<string, string> { ["normafstand"] = "twee km", ["actie"] = "opslaan" });
        var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("De normafstand moet een geheel getal", wrongHtml, StringComparison.Ordinal);
        var saved = await HtmlForms.PostFormAsync(coordinator, url, "normen", new Dictionary<string, string>
        {
            ["normafstand"] = "1.200",
            ["omrijfactor"] = "1,4",
            ["inwoners_per_punt"] = "3000",
            ["actie"] = "opslaan",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await App.WithDbAsync(db => db.CoverageSettings.IgnoreQueryFilters().SingleAsync(s => s.GemeenteCode == gemeente));
        Assert.Equal((1200, 1.4, 3000), (stored.NormDistanceMeters, stored.DetourFactor, stored.ResidentsPerPoint));

        var lezerHtml = await (await App.UserAsync(Roles.Lezer, gemeente)).GetStringAsync(url);
        Assert.DoesNotContain("Normen opslaan", lezerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_shows_planned_against_needed_within_the_readers_scope()
    {
        await AddPointAsync("GM0351", "Noodsteunpunt Woudenberg (test)", null, null);
        var regio = await App.UserAsync(Roles.Regio, regio: "VR09");
        var rows = await regio.GetFromJsonAsync<JsonElement>("/api/v1/noodsteunpunten-coverage?sort=-inwoners");
        var codes = rows.EnumerateArray().Select(r => r.GetProperty("gemeentecode").GetString()).ToList();
        Assert.All(rows.EnumerateArray(), r => Assert.Equal("VR09", r.GetProperty("veiligheidsregioCode").GetString()));
        Assert.Equal("GM0344", codes[0]); // Utrecht is the largest
        var woudenberg = rows.EnumerateArray().Single(r => r.GetProperty("gemeentecode").GetString() == "GM0351");
        Assert.True(woudenberg.GetProperty("points").GetInt32() >= 1);
        Assert.Equal((woudenberg.GetProperty("residents").GetInt32() + 3999) / 4000, woudenberg.GetProperty("pointsNeeded").GetInt32());

        var admin = await App.AdminAsync();
        Assert.Equal(342, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/noodsteunpunten-coverage")).GetArrayLength());
        var csv = await admin.GetAsync("/api/v1/noodsteunpunten-coverage/export.csv?veiligheidsregio=VR09&sort=naam");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("gemeentecode,gemeente,veiligheidsregio,inwoners,noodsteunpunten,nodig_volgens_norm,ontbrekend", lines[0], StringComparison.Ordinal);
        Assert.Equal(codes.Count + 1, lines.Length);

        var lezer = await App.UserAsync(Roles.Lezer, "GM0344");
        Assert.Equal(["GM0344"], (await lezer.GetFromJsonAsync<JsonElement>("/api/v1/noodsteunpunten-coverage")).EnumerateArray().Select(r => r.GetProperty("gemeentecode").GetString()));
        var page = WebUtility.HtmlDecode(await regio.GetStringAsync("/noodsteunpunten?sort=-ontbrekend"));
        Assert.Contains("Woudenberg", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Amsterdam<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_foto_map_shows_the_buurt_points_out_of_the_box()
    {
        var html = await (await App.UserAsync(Roles.Lezer, "GM0327")).GetStringAsync("/gemeenten/GM0327/foto");
        var json = html[(html.IndexOf("id=\"foto-kaart-data\">", StringComparison.Ordinal) + 21)..];
        json = json[..json.IndexOf("</script>", StringComparison.Ordinal)];
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Equal(28, data.GetProperty("buurten").GetArrayLength());
        Assert.All(data.GetProperty("buurten").EnumerateArray(), b => Assert.True(b.TryGetProperty("lat", out _)));
        Assert.Contains("Bron: CBS/Kadaster", html, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCoverageTests(SqliteAppFixture fixture) : CoverageTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCoverageTests(PostgresAppFixture fixture) : CoverageTests(fixture);
