using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Siting;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Locations.RegisterFiles;
using static Weerbaar.Web.Tests.Siting.SitingTestSupport;

namespace Weerbaar.Web.Tests.Siting;

/// <summary>
/// The candidate sites register (kandidaatlocaties): CSV import all-or-nothing with every error by row and column,
/// export round trip, and who reads and writes. Each test owns its gemeente (the tests of a provider share one database).
/// </summary>
public abstract class SitingCandidatesApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static string File(params string[] rows) => string.Join("\r\n", rows.Prepend(string.Join(",", SitingCandidateRules.Columns))) + "\r\n";

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private static List<(string?, double, double, int?, string?)> Rows(List<JsonElement> list) => list.Select(c => (
        c.GetProperty("name").GetString(), c.GetProperty("latitude").GetDouble(), c.GetProperty("longitude").GetDouble(),
        c.GetProperty("capacity").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("capacity").GetInt32(),
        c.GetProperty("notes").GetString())).ToList();

    [Fact]
    public async Task Import_is_all_or_nothing_with_every_error_by_row_and_column_and_the_export_round_trips()
    {
        const string g = "GM0632"; // Woerden
        var url = Candidates(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);

        var imported = await coordinator.PostAsync(url + "/import", Csv(File(
            "Sporthal Snellerpoort,52.0857,4.8836,400,\"Ingang achterzijde, sleutel bij beheerder\"",
            "Basisschool De Kring,52.0781,4.8992,,",
            "Dorpshuis Kamerik,52.1107,4.9410,150,=1+1")));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal((3, 0), await Counts(imported));
        var before = await ListAsync(coordinator, url);
        Assert.Equal(["Basisschool De Kring", "Dorpshuis Kamerik", "Sporthal Snellerpoort"], before.Select(c => c.GetProperty("name").GetString()));
        Assert.All(before, c => Assert.Equal(g, c.GetProperty("gemeenteCode").GetString()));

        // Missing name, latitude outside NL, capacity 0, a longitude that is no number, no coordinates at all, a short row.
        var bad = await coordinator.PostAsync(url + "/import?mode=replace", Csv(File(
            ",52.08,4.88,100,",
            "Kerk,60.1,4.88,100,",
            "Zaal,52.08,4.88,0,",
            "Schuur,52.08,vier,,",
            "Nergens,,,50,",
            "Goed,52.09,4.89,10,",
            "te weinig kolommen")));
        var problem = await LoginTests.AssertProblem(bad, HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([(2, "naam"), (3, "breedtegraad"), (4, "capaciteit"), (5, "lengtegraad"), (6, "breedtegraad"), (8, "")],
            errors.Select(e => (e.Item1, e.Item2)));
        Assert.Contains("ligt niet in Nederland", errors[1].Item3, StringComparison.Ordinal);
        Assert.Contains("1 tot en met", errors[2].Item3, StringComparison.Ordinal);
        Assert.Contains("geen getal", errors[3].Item3, StringComparison.Ordinal);
        Assert.Contains("zonder plek", errors[4].Item3, StringComparison.Ordinal);
        Assert.Equal($"Het bestand bevat {errors.Count} fout(en); er is niets opgeslagen.", problem.GetProperty("detail").GetString());
        // Nothing stored, nothing removed: the register is exactly as before.
        Assert.Equal(Rows(before), Rows(await ListAsync(coordinator, url)));

        // Export, wipe by a replace, import the export: the same rows come back, and the export is byte for byte the same.
        var export = await coordinator.GetAsync(url + "/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("naam,breedtegraad,lengtegraad,capaciteit,opmerkingen\r\n", text, StringComparison.Ordinal);
        Assert.Contains("'=1+1", text, StringComparison.Ordinal); // a formula is neutralised in the file
        var replaced = await coordinator.PostAsync(url + "/import?mode=replace", Csv(File("Tijdelijk,52.09,4.89,,")));
        Assert.Equal((1, 3), await Counts(replaced));
        var again = await coordinator.PostAsync(url + "/import", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } });
        Assert.Equal((3, 1), await Counts(again));
        var after = await ListAsync(coordinator, url);
        Assert.Equal(Rows(before), Rows(after));
        Assert.Equal(bytes, await coordinator.GetByteArrayAsync(url + "/export"));

        // Append adds to the list.
        var appended = await coordinator.PostAsync(url + "/import?mode=append", Csv(File("Brandweerkazerne,52.0830,4.8750,80,")));
        Assert.Equal((1, 0), await Counts(appended));
        Assert.Equal(4, (await ListAsync(coordinator, url)).Count);

        static async Task<(int, int)> Counts(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("imported").GetInt32(), body.GetProperty("removed").GetInt32());
        }
    }

    [Fact]
    public async Task One_candidate_by_the_api_follows_the_same_rules()
    {
        const string g = "GM0345"; // Veenendaal
        var url = Candidates(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var created = await coordinator.PostAsJsonAsync(url, new { name = "Wijkcentrum (api)", latitude = 52.08, longitude = 4.87, capacity = 120 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"{url}/{id}", created.Headers.Location?.OriginalString);

        var refused = await LoginTests.AssertProblem(await coordinator.PutAsJsonAsync($"{url}/{id}", new { name = "", latitude = 48.0, longitude = 4.87, capacity = 0 }),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["name", "latitude", "capacity"], ErrorFields(refused));
        var noPlace = await LoginTests.AssertProblem(await coordinator.PutAsJsonAsync($"{url}/{id}", new { name = "Zonder plek" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["latitude"], ErrorFields(noPlace));
        var unchanged = await coordinator.GetFromJsonAsync<JsonElement>($"{url}/{id}");
        Assert.Equal(("Wijkcentrum (api)", 120), (unchanged.GetProperty("name").GetString(), unchanged.GetProperty("capacity").GetInt32()));

        var updated = await coordinator.PutAsJsonAsync($"{url}/{id}", new { name = "Wijkcentrum", latitude = 52.081, longitude = 4.871 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((52.081, JsonValueKind.Null), (body.GetProperty("latitude").GetDouble(), body.GetProperty("capacity").ValueKind));

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"{url}/{id}")).StatusCode);
        await LoginTests.AssertProblem(await coordinator.GetAsync($"{url}/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_gemeente_neither_reads_nor_writes_the_candidates_and_a_lezer_only_reads()
    {
        const string g = "GM0356";     // Nieuwegein
        const string other = "GM0014"; // Groningen, another region
        var url = Candidates(g);
        var secret = "Geheime locatie " + Guid.NewGuid().ToString("N")[..8];
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var created = await coordinator.PostAsJsonAsync(url, new { name = secret, latitude = 52.03, longitude = 5.09 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var change = new { name = "Overgenomen", latitude = 52.03, longitude = 5.09 };

        var stranger = await App.UserAsync(Roles.Coordinator, other);
        foreach (var read in new[] { url, $"{url}/{id}", url + "/export" })
        {
            var response = await stranger.GetAsync(read);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync(url, change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PutAsJsonAsync($"{url}/{id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsync(url + "/import", Csv(File("Weg ermee,52.03,5.09,,")))).StatusCode);
        // Through its own gemeente the stranger does not reach the row either.
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Candidates(other)}/{id}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.PutAsJsonAsync($"{Candidates(other)}/{id}", change), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.DeleteAsync($"{Candidates(other)}/{id}"), HttpStatusCode.NotFound);

        var lezer = await App.UserAsync(Roles.Lezer, g);
        Assert.Contains(secret, await lezer.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Contains(secret, await lezer.GetStringAsync($"{url}/{id}"), StringComparison.Ordinal);
        Assert.Contains(secret, await lezer.GetStringAsync(url + "/export"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsJsonAsync(url, change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync($"{url}/{id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PostAsync(url + "/import", Csv(File("Weg ermee,52.03,5.09,,")))).StatusCode);

        var still = Assert.Single(await ListAsync(coordinator, url));
        Assert.Equal(secret, still.GetProperty("name").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSitingCandidatesApiTests(SqliteAppFixture fixture) : SitingCandidatesApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSitingCandidatesApiTests(PostgresAppFixture fixture) : SitingCandidatesApiTests(fixture);
