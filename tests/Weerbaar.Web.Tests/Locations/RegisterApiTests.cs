using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Locations.RegisterFiles;

namespace Weerbaar.Web.Tests.Locations;

/// <summary>
/// The registers' API: all-or-nothing import with every error, replace and append, export round trip, and who sees
/// what. Each test owns its gemeente (the tests of a provider share one database).
/// </summary>
public abstract class RegisterApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static string Url(string gemeente) => $"/api/v1/gemeenten/{gemeente}/vulnerable-locations";

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string url, string csv, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsync(url, Csv(csv));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_bad_file_lists_every_error_with_row_and_column_and_leaves_the_register_as_it_was()
    {
        const string g = "GM0308"; // Baarn
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var buurt = await BuurtAsync(App, g);
        var elsewhere = await BuurtAsync(App, "GM0363");
        var good = await ImportAsync(coordinator, Url(g) + "/import", LocationsFile(Row("verpleeghuis", "Huis A", buurt: buurt, people: "20"), Row("school", "School B", people: "300")));
        Assert.Equal(2, good.GetProperty("imported").GetInt32());

        var bad = LocationsFile(
            Row("kerk", "Kerk"),
            Row("school", "School", postcode: "12345", lat: "60", lon: "5.1"),
            Row("thuisdialyse", "Dialyse", address: "Dorpsstraat 1", people: "3"),
            Row("school", "School C", buurt: elsewhere),
            "school,te weinig kolommen",
            Row("school", "", people: "veel"));
        var response = await coordinator.PostAsync(Url(g) + "/import?mode=replace", Csv(bad));
        var problem = await LoginTests.AssertProblem(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Het bestand bevat 8 fout(en); er is niets opgeslagen.", problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "categorie"), (3, "postcode"), (3, "breedtegraad"), (4, "adres"), (5, "buurtcode"), (6, ""), (7, "naam"), (7, "aantal_personen")], errors);
        var buurtError = problem.GetProperty("errors")[4].GetProperty("message").GetString();
        Assert.Equal($"'{elsewhere}' is geen buurtcode van Baarn (bijvoorbeeld {buurt}).", buurtError);

        Assert.Equal(["Huis A", "School B"], (await ListAsync(coordinator, Url(g))).Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Replace_swaps_the_whole_register_and_append_adds_to_it()
    {
        const string g = "GM0310"; // De Bilt
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        await ImportAsync(coordinator, Url(g) + "/import", LocationsFile(Row("school", "Eerste"), Row("school", "Tweede")));
        var appended = await ImportAsync(coordinator, Url(g) + "/import?mode=append", LocationsFile(Row("kinderopvang", "Derde")));
        Assert.Equal((1, 0), (appended.GetProperty("imported").GetInt32(), appended.GetProperty("removed").GetInt32()));
        Assert.Equal(3, (await ListAsync(coordinator, Url(g))).Count);

        var replaced = await ImportAsync(coordinator, Url(g) + "/import?mode=replace", LocationsFile(Row("ziekenhuis", "Vierde", people: "400")));
        Assert.Equal((1, 3), (replaced.GetProperty("imported").GetInt32(), replaced.GetProperty("removed").GetInt32()));
        var only = Assert.Single(await ListAsync(coordinator, Url(g)));
        Assert.Equal(("Vierde", "ziekenhuis", 400), (only.GetProperty("name").GetString(), only.GetProperty("category").GetString(), only.GetProperty("people").GetInt32()));

        await LoginTests.AssertProblem(await coordinator.PostAsync(Url(g) + "/import?mode=samenvoegen", Csv(LocationsFile(Row("school", "X")))), HttpStatusCode.BadRequest);
        await LoginTests.AssertProblem(await coordinator.PostAsync(Url(g) + "/import", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.UnsupportedMediaType);
        await LoginTests.AssertProblem(await coordinator.PostAsync(Url(g) + "/import", new ByteArrayContent(new byte[RegisterCsv.MaxBytes + 1]) { Headers = { ContentType = new("text/csv") } }),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Single(await ListAsync(coordinator, Url(g)));
    }

    [Fact]
    public async Task Export_neutralises_formulas_and_round_trips_byte_for_byte()
    {
        const string g = "GM0312"; // Bunnik
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var buurt = await BuurtAsync(App, g);
        await ImportAsync(coordinator, Url(g) + "/import", LocationsFile(
            Row("verpleeghuis", "-Min of meer", address: "Dorpsstraat 1, achterom", postcode: "3981ab", buurt: buurt.ToLowerInvariant(), lat: "52.0634", lon: "5.1988",
                people: "44", power: "4", water: "12", communication: "8", deps: "koeling;stroom", contactName: "@beheer", contactPhone: "+31 30 123 45 67",
                contactEmail: "zorg@example.nl", notes: "=HYPERLINK(\"https://example.nl\")\nTweede regel"),
            Row("thuisbeademing", "Beademing Bunnik", buurt: buurt, people: "2")));

        var first = await coordinator.GetAsync(Url(g) + "/export");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/csv", first.Content.Headers.ContentType?.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith(string.Join(",", VulnerableLocationRules.Columns) + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"https://example.nl\"\")\nTweede regel\"", text, StringComparison.Ordinal);
        Assert.Contains(",'-Min of meer,\"Dorpsstraat 1, achterom\",3981 AB," + buurt + ",52.0634,5.1988,44,4,12,8,\"stroom;koeling\",'@beheer,'+31 30 123 45 67,", text, StringComparison.Ordinal);

        // Stored as typed, not as exported.
        var stored = (await ListAsync(coordinator, Url(g))).Single(l => l.GetProperty("category").GetString() == "verpleeghuis");
        Assert.Equal(("-Min of meer", "+31 30 123 45 67"), (stored.GetProperty("name").GetString(), stored.GetProperty("contactPhone").GetString()));
        Assert.StartsWith("=HYPERLINK", stored.GetProperty("notes").GetString(), StringComparison.Ordinal);

        var again = await coordinator.PostAsync(Url(g) + "/import", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(bytes, await coordinator.GetByteArrayAsync(Url(g) + "/export"));
    }

    [Fact]
    public async Task The_api_applies_the_same_rules_to_one_location()
    {
        const string g = "GM0313"; // Bunschoten
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var created = await coordinator.PostAsJsonAsync(Url(g), new { category = "ziekenhuis", name = "Ziekenhuis", people = 120, latitude = 52.24, longitude = 5.37, dependencies = new[] { "stroom", "brandstof" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = location.GetProperty("id").GetGuid();
        Assert.Equal($"{Url(g)}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(["stroom", "brandstof"], location.GetProperty("dependencies").EnumerateArray().Select(d => d.GetString()));

        var refused = await LoginTests.AssertProblem(await coordinator.PutAsJsonAsync($"{Url(g)}/{id}",
            new { category = "thuisdialyse", name = "Dialyse", people = 2, address = "Straat 1", buurtCode = await BuurtAsync(App, "GM0363") }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["buurtCode", "address"], refused.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal("Ziekenhuis", (await coordinator.GetFromJsonAsync<JsonElement>($"{Url(g)}/{id}")).GetProperty("name").GetString());

        var updated = await coordinator.PutAsJsonAsync($"{Url(g)}/{id}", new { category = "thuisdialyse", name = "Dialyse Bunschoten", people = 2 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.True((await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("aggregated").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{Url(g)}/{id}")).StatusCode);
        await LoginTests.AssertProblem(await coordinator.GetAsync($"{Url(g)}/{id}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await coordinator.DeleteAsync($"{Url(g)}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_gemeente_and_its_region_see_vulnerable_locations_and_only_its_coordinator_changes_them()
    {
        const string g = "GM0317";     // Eemnes, veiligheidsregio Utrecht (VR09)
        const string other = "GM0014"; // Groningen, another region
        var secret = "Geheim-" + Guid.NewGuid().ToString("N")[..8];
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        await ImportAsync(coordinator, Url(g) + "/import", LocationsFile(Row("verpleeghuis", secret, people: "50")));
        var id = (await ListAsync(coordinator, Url(g))).Single().GetProperty("id").GetGuid();
        var change = JsonContent.Create(new { category = "school", name = "Overgenomen", people = 1 });

        var stranger = await App.UserAsync(Roles.Coordinator, other);
        var strangerLezer = await App.UserAsync(Roles.Lezer, other);
        var otherRegio = await App.UserAsync(Roles.Regio, regio: "VR01");
        var beheerder = await App.AdminAsync();
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        foreach (var client in new[] { stranger, strangerLezer, otherRegio, beheerder, onderzoeker })
        {
            foreach (var url in new[] { Url(g), $"{Url(g)}/{id}", Url(g) + "/export" })
            {
                var read = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
                Assert.DoesNotContain(secret, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync($"{Url(g)}/{id}", change)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"{Url(g)}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Url(g) + "/import", Csv(LocationsFile(Row("school", "Weg ermee"))))).StatusCode);
        }
        // Through its own gemeente a stranger does not reach another gemeente's row either.
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Url(other)}/{id}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.PutAsync($"{Url(other)}/{id}", change), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.DeleteAsync($"{Url(other)}/{id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(secret, await stranger.GetStringAsync(Url(other)), StringComparison.Ordinal);

        // The region reads, the lezer reads; neither writes.
        var regio = await App.UserAsync(Roles.Regio, regio: "VR09");
        var lezer = await App.UserAsync(Roles.Lezer, g);
        foreach (var client in new[] { regio, lezer })
        {
            Assert.Contains(secret, await client.GetStringAsync(Url(g)), StringComparison.Ordinal);
            Assert.Contains(secret, await client.GetStringAsync(Url(g) + "/export"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Url(g), JsonContent.Create(new { category = "school", name = "Nieuw", people = 1 }))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync($"{Url(g)}/{id}", change)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"{Url(g)}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(Url(g) + "/import", Csv(LocationsFile(Row("school", "Weg ermee"))))).StatusCode);
        }
        var still = Assert.Single(await ListAsync(coordinator, Url(g)));
        Assert.Equal(secret, still.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Noodsteunpunten_are_ordinary_gemeente_data_that_national_roles_read()
    {
        const string g = "GM0321"; // Houten
        var url = $"/api/v1/gemeenten/{g}/noodsteunpunten";
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var buurt = await BuurtAsync(App, g);
        var bad = await coordinator.PostAsync(url + "/import", Csv(PointsFile(Point("Wijkcentrum", capacity: "100", power: "misschien"), Point("Sporthal", postcode: "99999", power: "ja"))));
        var problem = await LoginTests.AssertProblem(bad, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([(2, "noodstroom"), (3, "postcode")], problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())));

        var imported = await ImportAsync(coordinator, url + "/import", PointsFile(
            Point("Wijkcentrum De Kruisstraat", address: "Plein 1, Houten", postcode: "3991 AB", buurt: buurt, lat: "52.03", lon: "5.17", capacity: "150", power: "ja", notes: "=1+1"),
            Point("Sporthal", power: "nee")));
        Assert.Equal(2, imported.GetProperty("imported").GetInt32());
        var export = await coordinator.GetByteArrayAsync(url + "/export");
        var nee10 = string.Join(",", Enumerable.Repeat("nee", 10));
        Assert.Equal(string.Join(",", NoodsteunpuntRules.Columns) + $"\r\nSporthal,,gepland,,,,,,,,nee,,{nee10},,,,,,,,\r\n"
            + $"Wijkcentrum De Kruisstraat,,gepland,\"Plein 1, Houten\",3991 AB,{buurt},52.03,5.17,150,,ja,,{nee10},,,,,,,,'=1+1\r\n",
            Encoding.UTF8.GetString(export));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync(url + "/import", new ByteArrayContent(export) { Headers = { ContentType = new("text/csv") } })).StatusCode);
        Assert.Equal(export, await coordinator.GetByteArrayAsync(url + "/export"));

        var created = await coordinator.PostAsJsonAsync(url, new { name = "Bibliotheek", capacity = 60, hasBackupPower = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var reader in new[] { await App.AdminAsync(), await App.UserAsync(Roles.Onderzoeker), await App.UserAsync(Roles.Regio, regio: "VR09"), await App.UserAsync(Roles.Lezer, g) })
        {
            Assert.Equal(3, (await ListAsync(reader, url)).Count);
        }
        var lezer = await App.UserAsync(Roles.Lezer, g);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(url, new { name = "Nee" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.DeleteAsync($"{url}/{id}")).StatusCode);
        var stranger = await App.UserAsync(Roles.Coordinator, "GM0014");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(url + "/import", Csv(PointsFile(Point("Weg"))))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.UserAsync(Roles.Onderzoeker)).DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{url}/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_api_creates_and_updates_a_noodsteunpunt_with_every_detail_and_refuses_bad_ones_with_422()
    {
        const string g = "GM0352"; // Wijk bij Duurstede
        var url = $"/api/v1/gemeenten/{g}/noodsteunpunten";
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var created = await coordinator.PostAsJsonAsync(url, new
        {
            name = "Sporthal De Engk",
            buildingType = "sporthal",
            status = "gereed",
            capacity = 300,
            openingArrangement = "Binnen 4 uur open",
            hasBackupPower = true,
            backupPowerHours = 48,
            hasDrinkingWater = true,
            hasHeating = false,
            hasFirstAid = true,
            hasToilets = true,
            isWheelchairAccessible = true,
            hasCharging = true,
            hasSatellite = false,
            hasC2000 = true,
            hasRadio = true,
            hasMobile = true,
            staff = 3,
            volunteers = 12,
            shiftsPerDay = 3,
            partners = "Rode Kruis",
            contactName = "Beheerder",
            contactPhone = "0343 123 456",
            contactEmail = "engk@example.nl",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var point = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = point.GetProperty("id").GetGuid();
        Assert.Equal(("sporthal", "Sporthal", "gereed", "Gereed"), (point.GetProperty("buildingType").GetString(), point.GetProperty("buildingTypeLabel").GetString(),
            point.GetProperty("status").GetString(), point.GetProperty("statusLabel").GetString()));
        Assert.Equal((48, 3, 12, 3), (point.GetProperty("backupPowerHours").GetInt32(), point.GetProperty("staff").GetInt32(),
            point.GetProperty("volunteers").GetInt32(), point.GetProperty("shiftsPerDay").GetInt32()));
        Assert.Equal((true, false, true, false, true), (point.GetProperty("hasDrinkingWater").GetBoolean(), point.GetProperty("hasHeating").GetBoolean(),
            point.GetProperty("hasC2000").GetBoolean(), point.GetProperty("hasSatellite").GetBoolean(), point.GetProperty("isWheelchairAccessible").GetBoolean()));
        Assert.Equal(("Binnen 4 uur open", "Rode Kruis", "0343 123 456", "engk@example.nl"), (point.GetProperty("openingArrangement").GetString(),
            point.GetProperty("partners").GetString(), point.GetProperty("contactPhone").GetString(), point.GetProperty("contactEmail").GetString()));

        var refused = await LoginTests.AssertProblem(await coordinator.PutAsJsonAsync($"{url}/{id}", new
        {
            name = "Sporthal De Engk",
            buildingType = "kerk",
            status = "open",
            hasBackupPower = false,
            backupPowerHours = 800,
            volunteers = -1,
            shiftsPerDay = 25,
            contactPhone = "bellen",
            contactEmail = "geen-adres",
        }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["buildingType", "status", "backupPowerHours", "volunteers", "shiftsPerDay", "contactPhone", "contactEmail"],
            refused.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal("gereed", (await coordinator.GetFromJsonAsync<JsonElement>($"{url}/{id}")).GetProperty("status").GetString());
        await LoginTests.AssertProblem(await coordinator.PutAsJsonAsync($"{url}/{id}", new { name = "X", hasBackupPower = false, backupPowerHours = 6 }),
            HttpStatusCode.UnprocessableEntity);

        var updated = await coordinator.PutAsJsonAsync($"{url}/{id}", new { name = "Sporthal De Engk", status = "actief", hasBackupPower = true, backupPowerHours = 24, hasToilets = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.Content.ReadFromJsonAsync<JsonElement>();
        // A PUT sends every field: what is left out is empty or nee.
        Assert.Equal(("actief", 24, true, false, JsonValueKind.Null), (after.GetProperty("status").GetString(), after.GetProperty("backupPowerHours").GetInt32(),
            after.GetProperty("hasToilets").GetBoolean(), after.GetProperty("hasDrinkingWater").GetBoolean(), after.GetProperty("buildingType").ValueKind));

        var planned = await coordinator.PostAsJsonAsync(url, new { name = "Nieuw punt" });
        Assert.Equal("gepland", (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        // Another gemeente's coordinator changes nothing, directly or through its own gemeente.
        var stranger = await App.UserAsync(Roles.Coordinator, "GM0014");
        var change = JsonContent.Create(new { name = "Overgenomen", status = "actief", hasC2000 = true });
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsync($"{url}/{id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"{url}/{id}")).StatusCode);
        await LoginTests.AssertProblem(await stranger.PutAsync($"/api/v1/gemeenten/GM0014/noodsteunpunten/{id}", change), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.GetAsync($"/api/v1/gemeenten/GM0014/noodsteunpunten/{id}"), HttpStatusCode.NotFound);
        Assert.Equal("Sporthal De Engk", (await coordinator.GetFromJsonAsync<JsonElement>($"{url}/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_noodsteunpunten_file_with_every_field_round_trips_and_bad_new_columns_are_reported_by_row_and_column()
    {
        const string g = "GM0353"; // IJsselstein
        var url = $"/api/v1/gemeenten/{g}/noodsteunpunten";
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var buurt = await BuurtAsync(App, g);
        var bad = PointsFile(
            Point("Gemeentehuis", type: "stadhuis", status: "klaar", power: "ja", powerHours: "1000"),
            Point("School", satellite: "ja", radio: "misschien", mobile: "ja", volunteers: "veel", shifts: "-1"),
            Point("Kerk", type: "gebedshuis", contactEmail: "kerk@", contactPhone: "12"));
        var problem = await LoginTests.AssertProblem(await coordinator.PostAsync(url + "/import", Csv(bad)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([(2, "gebouwtype"), (2, "status"), (2, "noodstroom_uren"), (3, "noodradio"), (3, "vrijwilligers"), (3, "diensten_per_dag"),
            (4, "contact_telefoon"), (4, "contact_email")],
            problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())));
        Assert.Empty(await ListAsync(coordinator, url));

        var full = PointsFile(
            Point("Stadhuis IJsselstein", type: "gemeentehuis", status: "actief", address: "Overtoom 1", postcode: "3401 BK", buurt: buurt, lat: "52.02054", lon: "5.04312",
                capacity: "250", opening: "Binnen 1 uur open,\nsleutel bij de bode", power: "ja", powerHours: "96", water: "ja", heating: "ja", firstAid: "ja", toilets: "ja",
                wheelchair: "ja", charging: "ja", satellite: "ja", c2000: "ja", radio: "ja", mobile: "ja", staff: "8", volunteers: "20", shifts: "3",
                partners: "Rode Kruis, \"De Buurt\"", contactName: "Bode", contactPhone: "030 687 00 00", contactEmail: "stadhuis@example.nl", notes: "+ingang achter"),
            Point("Buurthuis Zenderpark", type: "buurthuis", status: "gereed", capacity: "60", power: "nee", water: "ja", toilets: "ja", mobile: "ja", volunteers: "6"));
        Assert.Equal(2, (await ImportAsync(coordinator, url + "/import", full)).GetProperty("imported").GetInt32());
        var export = await coordinator.GetByteArrayAsync(url + "/export");
        var text = Encoding.UTF8.GetString(export);
        Assert.Contains($"Stadhuis IJsselstein,gemeentehuis,actief,Overtoom 1,3401 BK,{buurt},52.02054,5.04312,250,\"Binnen 1 uur open,\nsleutel bij de bode\",ja,96,"
            + "ja,ja,ja,ja,ja,ja,ja,ja,ja,ja,8,20,3,\"Rode Kruis, \"\"De Buurt\"\"\",Bode,030 687 00 00,stadhuis@example.nl,'+ingang achter\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Buurthuis Zenderpark,buurthuis,gereed,,,,,,60,,nee,,ja,nee,nee,ja,nee,nee,nee,nee,nee,ja,,6,,,,,,\r\n", text, StringComparison.Ordinal);

        var again = await coordinator.PostAsync(url + "/import", new ByteArrayContent(export) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(export, await coordinator.GetByteArrayAsync(url + "/export"));
        var stadhuis = (await ListAsync(coordinator, url)).Single(p => p.GetProperty("buildingType").GetString() == "gemeentehuis");
        Assert.Equal(("+ingang achter", "Binnen 1 uur open,\nsleutel bij de bode"), (stadhuis.GetProperty("notes").GetString(), stadhuis.GetProperty("openingArrangement").GetString()));
    }

    [Fact]
    public async Task Demo_locations_follow_the_register_rules_and_are_seeded_once()
    {
        var buurten = (await App.WithDbAsync(db => db.Buurten.Where(b => b.GemeenteCode == DemoLocations.Gemeente).Select(b => b.Code).ToListAsync())).ToHashSet();
        var locations = DemoLocations.Locations().ToList();
        foreach (var l in locations)
        {
            Assert.Empty(VulnerableLocationRules.Validate(VulnerableLocationRules.FieldsOf(l), buurten, "Utrecht").Errors);
            Assert.EndsWith("(demo)", l.Name, StringComparison.Ordinal);
            // Inside the municipality of Utrecht (its bounding box, CBS outline 2024), or an aggregated count without coordinates.
            Assert.True(l.Latitude is null || (l.Latitude is > 52.02 and < 52.15 && l.Longitude is > 4.97 and < 5.20), l.Name);
        }
        Assert.Contains(locations, l => l.Category == "thuisdialyse");
        Assert.Contains(locations, l => l.Category == "thuisbeademing");
        foreach (var n in DemoLocations.Points())
        {
            Assert.Empty(NoodsteunpuntRules.Validate(NoodsteunpuntRules.FieldsOf(n), buurten, "Utrecht").Errors);
        }

        for (var i = 0; i < 2; i++)
        {
            await App.WithDbAsync(async db => { await DemoLocations.SeedAsync(db, TimeProvider.System); return 0; });
        }
        var (seeded, points) = await App.WithDbAsync(async db => (
            await db.VulnerableLocations.IgnoreQueryFilters().CountAsync(l => l.GemeenteCode == DemoLocations.Gemeente),
            await db.Noodsteunpunten.IgnoreQueryFilters().CountAsync(n => n.GemeenteCode == DemoLocations.Gemeente)));
        Assert.Equal((locations.Count, DemoLocations.Points().Count()), (seeded, points));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegisterApiTests(SqliteAppFixture fixture) : RegisterApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegisterApiTests(PostgresAppFixture fixture) : RegisterApiTests(fixture);
