using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.CrisisKit.Contacts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.CrisisKit;

/// <summary>
/// The pack of a noodsteunpunt: its catchment is exactly the buurten nearest to it (checked against a textbook haversine
/// here), it holds its tables in the PDF and the offline HTML, the offline file needs nothing from outside, the checksum
/// shown is the SHA-256 of the content it carries, and it follows the roles of the data in it.
/// </summary>
public abstract partial class NoodsteunpuntPackTests(AppFixture fixture)
{
    private const string Gemeente = "GM0106"; // Assen: no other test uses it
    private const string Other = "GM0147"; // Borne: no other test uses it
    private const string LocationName = "Zorgcentrum Packtest";
    private WeerbaarFactory App => fixture.Factory;

    private sealed record Seeded(Guid A, Guid B, Dictionary<string, (double Lat, double Lon, int Residents)> Buurten, (double Lat, double Lon) PointA, (double Lat, double Lon) PointB);

    private Task<Seeded> SeedAsync(string gemeente = Gemeente) => App.WithDbAsync(async db =>
    {
        var buurten = (await (from b in db.Buurten
                              join p in db.BuurtPoints on b.Code equals p.BuurtCode
                              where b.GemeenteCode == gemeente
                              select new { b.Code, p.Latitude, p.Longitude, b.Residents }).ToListAsync())
            .ToDictionary(b => b.Code, b => (b.Latitude, b.Longitude, b.Residents ?? 0));
        var ordered = buurten.OrderBy(b => b.Value.Latitude).ToList();
        var south = (ordered[0].Value.Latitude, ordered[0].Value.Longitude);
        var north = (ordered[^1].Value.Latitude, ordered[^1].Value.Longitude);
        var points = await db.Noodsteunpunten.IgnoreQueryFilters().Where(n => n.GemeenteCode == gemeente).ToListAsync();
        if (points.Count == 0)
        {
            points =
            [
                new Noodsteunpunt { GemeenteCode = gemeente, Name = "Packtest Zuid", Latitude = south.Latitude, Longitude = south.Longitude, Capacity = 150, HasBackupPower = true, BackupPowerHours = 48, HasC2000 = true, Volunteers = 12, ShiftsPerDay = 3, UpdatedBy = "test" },
                new Noodsteunpunt { GemeenteCode = gemeente, Name = "Packtest Noord", Latitude = north.Latitude, Longitude = north.Longitude, Capacity = 90, UpdatedBy = "test" },
            ];
            db.Noodsteunpunten.AddRange(points);
            db.VulnerableLocations.Add(new VulnerableLocation
            {
                GemeenteCode = gemeente,
                Category = "verpleeghuis",
                Name = LocationName,
                People = 60,
                Latitude = south.Latitude + 0.001,
                Longitude = south.Longitude,
                HoursWithoutPower = 6,
                HoursWithoutWater = 24,
                ContactName = "Locatiemanager",
                ContactPhone = "0592 000 000",
                UpdatedBy = "test",
            });
            db.ProgrammeActions.Add(new ProgrammeAction
            {
                GemeenteCode = gemeente,
                Number = 1,
                Title = "Sleutelplan noodsteunpunten",
                Description = "Wie opent welk gebouw binnen 2 uur",
                Pillar = "CO",
                Phase = "eerste-72-uur",
                OwnerDepartment = "Openbare orde en veiligheid",
                StartDate = new DateOnly(2027, 1, 1),
                Deadline = new DateOnly(2027, 3, 1),
                CreatedBy = "test",
                UpdatedBy = "test",
            });
            db.CrisisContacts.Add(new CrisisContact
            {
                GemeenteCode = gemeente,
                Category = "drinkwater",
                Organisation = "Waterbedrijf Packtest",
                Phone = "0592 111 111",
                C2000 = "GEM-ASN-01",
                Satellite = "+881 600 000 000",
                Available = "24/7",
                UpdatedBy = "test",
            });
            await db.SaveChangesAsync();
        }
        return new Seeded(points.Single(p => p.Name == "Packtest Zuid").Id, points.Single(p => p.Name == "Packtest Noord").Id, buurten, south, north);
    });

    private static string Api(Guid id, string gemeente = Gemeente) => $"/api/v1/gemeenten/{gemeente}/crisis-kit/noodsteunpunten/{id}";

    private static double Haversine((double Lat, double Lon) p, (double Lat, double Lon) q)
    {
        const double r = 6_371_008.8;
        double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(q.Lat - p.Lat) / 2), 2) + Math.Cos(Rad(p.Lat)) * Math.Cos(Rad(q.Lat)) * Math.Pow(Math.Sin(Rad(q.Lon - p.Lon) / 2), 2);
        return 2 * r * Math.Asin(Math.Sqrt(h));
    }

    [Fact]
    public async Task The_catchment_is_the_buurten_nearest_to_the_noodsteunpunt_with_their_residents()
    {
        var s = await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        using var pack = JsonDocument.Parse(await coordinator.GetStringAsync(Api(s.A) + "/pack"));
        var root = pack.RootElement;

        var expected = s.Buurten.Where(b => Haversine((b.Value.Lat, b.Value.Lon), s.PointA) < Haversine((b.Value.Lat, b.Value.Lon), s.PointB))
            .Select(b => b.Key).Order().ToList();
        var buurten = root.GetProperty("catchment").GetProperty("buurten").EnumerateArray().ToList();
        Assert.Equal(expected, buurten.Select(b => b.GetProperty("code").GetString()!).Order().ToList());
        Assert.Equal(expected.Sum(c => s.Buurten[c].Residents), buurten.Sum(b => b.GetProperty("residents").GetInt32()));
        // Distances over the road: straight line × the default detour factor 1.3, rounded to the metre.
        foreach (var b in buurten)
        {
            var at = s.Buurten[b.GetProperty("code").GetString()!];
            Assert.Equal(Math.Round(Haversine((at.Lat, at.Lon), s.PointA) * 1.3), b.GetProperty("distanceMeters").GetDouble(), 0);
        }
        Assert.Equal([385.0, 769.0], root.GetProperty("catchment").GetProperty("ringMeters").EnumerateArray().Select(r => r.GetDouble()));

        var location = Assert.Single(root.GetProperty("locations").EnumerateArray());
        Assert.Equal(LocationName, location.GetProperty("name").GetString());
        Assert.Equal(6, location.GetProperty("holdsOutHours").GetInt32());
        Assert.Equal("Sleutelplan noodsteunpunten", Assert.Single(root.GetProperty("checklist").EnumerateArray()).GetProperty("title").GetString());
        var contact = Assert.Single(root.GetProperty("contacts").EnumerateArray());
        Assert.Equal("Waterbedrijf Packtest", contact.GetProperty("organisation").GetString());
        Assert.Equal("Drinkwaterbedrijf", contact.GetProperty("category").GetString());
        Assert.Equal(["C2000: GEM-ASN-01", "satelliet: +881 600 000 000"], contact.GetProperty("alternativeMeans").EnumerateArray().Select(m => m.GetString()!));

        // The other noodsteunpunt serves the rest and not the location.
        using var other = JsonDocument.Parse(await coordinator.GetStringAsync(Api(s.B) + "/pack"));
        Assert.Equal(s.Buurten.Count - expected.Count, other.RootElement.GetProperty("catchment").GetProperty("buurten").GetArrayLength());
        Assert.Empty(other.RootElement.GetProperty("locations").EnumerateArray());
    }

    [Fact]
    public async Task The_pdf_holds_the_tables_and_every_page_names_version_date_and_checksum()
    {
        var s = await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var json = await coordinator.GetByteArrayAsync(Api(s.A) + "/pack");
        var sha = Convert.ToHexStringLower(SHA256.HashData(json));

        var response = await coordinator.GetAsync(Api(s.A) + "/pack.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().Select(p => p.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var all = string.Join("\n", pages);
        foreach (var expected in new[] { "Buurten in het verzorgingsgebied", "Kwetsbare locaties", LocationName, "Voorzieningen, voorraad en noodstroom",
                     "Rooster (in te vullen)", "Wie bel je", "Waterbedrijf Packtest", "C2000: GEM-ASN-01", "Verdeling van schaarse middelen", "Sleutelplan noodsteunpunten", "Logboek (in te vullen)", "Bron: CBS/Kadaster" })
        {
            Assert.Contains(expected.Replace(" ", "", StringComparison.Ordinal), all, StringComparison.Ordinal);
        }
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"SHA-256{sha[..12]}", pages[i], StringComparison.Ordinal);
            Assert.Contains($"Pagina{i + 1}van{pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains("Concept·", pages[i], StringComparison.Ordinal);
        }
        Assert.Contains(sha, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offline_html_needs_nothing_from_outside_and_carries_the_content_it_names_the_checksum_of()
    {
        var s = await SeedAsync();
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var response = await coordinator.GetAsync(Api(s.A) + "/pack.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        foreach (var expected in new[] { "Buurten in het verzorgingsgebied", LocationName, "Wie bel je", "Logboek (in te vullen)", "Bron: CBS" })
        {
            Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        var data = ContentBlock().Match(html);
        Assert.True(data.Success, "content block");
        var bytes = Encoding.UTF8.GetBytes(data.Groups[1].Value);
        Assert.Equal(await coordinator.GetByteArrayAsync(Api(s.A) + "/pack"), bytes);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Contains($"Controlegetal (SHA-256 van de inhoud): {sha}", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lezer_gets_no_register_data_and_another_gemeente_gets_nothing()
    {
        var s = await SeedAsync();
        var lezer = await App.UserAsync(Roles.Lezer, Gemeente);
        using (var pack = JsonDocument.Parse(await lezer.GetStringAsync(Api(s.A) + "/pack")))
        {
            Assert.Equal(JsonValueKind.Null, pack.RootElement.GetProperty("locations").ValueKind);
        }
        var html = System.Net.WebUtility.HtmlDecode(await lezer.GetStringAsync(Api(s.A) + "/pack.html"));
        Assert.DoesNotContain(LocationName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("0592 000 000", html, StringComparison.Ordinal);
        Assert.Contains("Niet in deze uitgave", html, StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await lezer.GetStringAsync($"/gemeenten/{Gemeente}/crisiskit"));
        Assert.Contains("Uw packs bevatten geen kwetsbare locaties", page, StringComparison.Ordinal);
        Assert.Contains($"{Api(s.A)}/pack.pdf", page, StringComparison.Ordinal);

        var stranger = await App.UserAsync(Roles.Coordinator, Other);
        foreach (var path in new[] { "/pack", "/pack.pdf", "/pack.html" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(Api(s.A) + path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync(Api(s.A) + path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/gemeenten/{Gemeente}/crisiskit")).StatusCode);

        // A noodsteunpunt of another gemeente under this gemeente's address is not found.
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var missing = await coordinator.GetAsync(Api(Guid.NewGuid()) + "/pack");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_version_is_made_only_when_the_content_changed_and_a_stale_pack_says_what_changed()
    {
        const string dalfsen = "GM0148"; // no other test uses it
        var s = await SeedAsync(dalfsen);
        var coordinator = await App.UserAsync(Roles.Coordinator, dalfsen);
        var versions = Api(s.A, dalfsen) + "/versions";
        async Task<JsonElement> StatusAsync() => (await coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/gemeenten/{dalfsen}/crisis-kit/packs"))!
            .Single(p => p.GetProperty("noodsteunpuntId").GetGuid() == s.A);

        var first = await coordinator.PostAsync(versions, null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, v1.GetProperty("number").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await coordinator.GetByteArrayAsync(Api(s.A, dalfsen) + "/pack"))), v1.GetProperty("sha256").GetString());
        var again = await coordinator.PostAsync(versions, null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unchanged").GetBoolean());
        Assert.False((await StatusAsync()).GetProperty("stale").GetBoolean());

        // Each source changes on its own, and the status names it.
        async Task ExpectChangedAsync(string label, Func<Weerbaar.Web.Data.AppDbContext, Task> change)
        {
            await App.WithDbAsync(async db =>
            {
                await change(db);
                await db.SaveChangesAsync();
                return true;
            });
            var status = await StatusAsync();
            Assert.True(status.GetProperty("stale").GetBoolean(), label);
            Assert.Contains(label, status.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(versions, null)).StatusCode);
            Assert.False((await StatusAsync()).GetProperty("stale").GetBoolean(), label);
        }
        await ExpectChangedAsync("contacten", db =>
        {
            db.CrisisContacts.Add(new CrisisContact { GemeenteCode = dalfsen, Category = "netbeheerder", Organisation = "Netbeheerder Packtest", Phone = "038 000 000", UpdatedBy = "test" });
            return Task.CompletedTask;
        });
        await ExpectChangedAsync("gegevens van het noodsteunpunt", async db =>
            (await db.Noodsteunpunten.IgnoreQueryFilters().SingleAsync(n => n.Id == s.A)).OpeningArrangement = "Sleutel bij de koster");
        await ExpectChangedAsync("kwetsbare locaties", async db =>
            (await db.VulnerableLocations.IgnoreQueryFilters().SingleAsync(l => l.GemeenteCode == dalfsen)).People = 61);
        await ExpectChangedAsync("checklist eerste 72 uur", async db =>
            (await db.ProgrammeActions.IgnoreQueryFilters().SingleAsync(a => a.GemeenteCode == dalfsen)).Title = "Sleutelplan en bemensing");

        // The allocation plan: its stock for this point, then its rules alone, then the stock alone.
        var planUrl = $"/api/v1/gemeenten/{dalfsen}/allocation-plan";
        async Task<bool> PlanAsync(int version, double minimum, double initial)
        {
            var saved = await coordinator.PutAsJsonAsync(planUrl, new
            {
                version,
                policy = "max-min",
                minimumServiceLevel = minimum,
                resources = new[] { new { code = "drinkwater", stock = new[] { new { point = s.A.ToString(), initial, deliveries = new[] { 0.0, 100 } } } } },
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            return true;
        }
        async Task ExpectSectionsAsync(string[] labels, Func<Task<bool>> change)
        {
            await change();
            var status = await StatusAsync();
            Assert.Equal(labels.Order(), status.GetProperty("changed").EnumerateArray().Select(c => c.GetString()!).Order());
            Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync(versions, null)).StatusCode);
        }
        await ExpectSectionsAsync(["voorraad", "verdeelregels"], () => PlanAsync(0, 0.25, 1000));
        await ExpectSectionsAsync(["verdeelregels"], () => PlanAsync(1, 0.5, 1000));
        await ExpectSectionsAsync(["voorraad"], () => PlanAsync(2, 0.5, 800));
        using (var stocked = JsonDocument.Parse(await coordinator.GetStringAsync(Api(s.A, dalfsen) + "/pack")))
        {
            var water = Assert.Single(stocked.RootElement.GetProperty("stock").EnumerateArray());
            Assert.Equal((800.0, "liter"), (water.GetProperty("initial").GetDouble(), water.GetProperty("unit").GetString()));
            Assert.Equal(0.5, stocked.RootElement.GetProperty("rules").GetProperty("minimumServiceLevel").GetDouble());
        }
        Assert.Equal(8, (await StatusAsync()).GetProperty("latest").GetProperty("number").GetInt32());

        // Version 1 is still the version 1 that was handed out: its own date, number and checksum.
        var pdf = await coordinator.GetAsync(Api(s.A, dalfsen) + "/versions/1/pack.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            Assert.All(document.GetPages(), p => Assert.Contains($"Versie1·", p.Text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
            Assert.DoesNotContain("Netbeheerder Packtest", string.Join("\n", document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }
        var html = await coordinator.GetStringAsync(Api(s.A, dalfsen) + "/versions/1/pack.html");
        var block = Encoding.UTF8.GetBytes(ContentBlock().Match(html).Groups[1].Value);
        Assert.Equal(v1.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(block)));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(Api(s.A, dalfsen) + "/versions/99/pack.pdf")).StatusCode);

        // A lezer reads the status of its own edition (none handed out) and cannot make versions.
        var lezer = await App.UserAsync(Roles.Lezer, dalfsen);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsync(versions, null)).StatusCode);
        var lezerStatus = (await lezer.GetFromJsonAsync<JsonElement[]>($"/api/v1/gemeenten/{dalfsen}/crisis-kit/packs"))!.Single(p => p.GetProperty("noodsteunpuntId").GetGuid() == s.A);
        Assert.Equal(JsonValueKind.Null, lezerStatus.GetProperty("latest").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await lezer.GetAsync(Api(s.A, dalfsen) + "/versions/1/pack.html")).StatusCode);
    }

    // src/href to anything but an in-page anchor or inline data, and url() in styles to anything but inline data.
    [GeneratedRegex("""(?:\s(?:src|href)\s*=\s*"(?!#|data:)[^"]*")|(?:url\(\s*['"]?(?!data:|#)[^)]*\))""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<script type="application/json" id="inhoud">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ContentBlock();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteNoodsteunpuntPackTests(SqliteAppFixture fixture) : NoodsteunpuntPackTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresNoodsteunpuntPackTests(PostgresAppFixture fixture) : NoodsteunpuntPackTests(fixture);
