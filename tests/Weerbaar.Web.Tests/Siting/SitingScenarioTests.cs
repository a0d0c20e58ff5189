using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Siting.SitingTestSupport;

namespace Weerbaar.Web.Tests.Siting;

/// <summary>
/// Saving a finished run as a named scenario and adopting it into the noodsteunpunten register, once; and that
/// another gemeente neither sees nor adopts it. Each test owns its gemeente.
/// </summary>
public abstract class SitingScenarioTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static async Task<List<JsonElement>> RegisterAsync(HttpClient client, string gemeente)
        => (await client.GetFromJsonAsync<JsonElement>(Points(gemeente))).EnumerateArray().ToList();

    [Fact]
    public async Task A_saved_scenario_is_adopted_once_as_planned_noodsteunpunten_at_the_chosen_places()
    {
        const string g = "GM0340"; // Rhenen: 30 buurten, all with a point, no noodsteunpunten
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var (id, _, result) = await RunAsync(App, coordinator, g, new { model = "maximale-dekking", newSites = 2, candidates = "buurtpunten" });
        var chosen = NewOptimal(result);
        Assert.Equal(2, chosen.Count);

        // A name is required (and one line); nothing is saved without one.
        foreach (var name in new[] { "", "   ", "Twee\nregels", new string('x', 201) })
        {
            var refused = await LoginTests.AssertProblem(await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = id, name }), HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["naam"], ErrorFields(refused));
            Assert.StartsWith("Geef het scenario een naam", ErrorMessage(refused, "naam"), StringComparison.Ordinal);
        }
        // Nor for a job that is not a run of this gemeente.
        await LoginTests.AssertProblem(await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = Guid.NewGuid(), name = "Spook" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, (await coordinator.GetFromJsonAsync<JsonElement>(Scenarios(g))).GetArrayLength());

        var created = await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = id, name = "  Twee extra punten  " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scenario = await created.Content.ReadFromJsonAsync<JsonElement>();
        var scenarioId = scenario.GetProperty("id").GetGuid();
        Assert.Equal($"{Scenarios(g)}/{scenarioId}", created.Headers.Location?.OriginalString);
        Assert.Equal(("Twee extra punten", id, 0), (scenario.GetProperty("name").GetString(), scenario.GetProperty("jobId").GetGuid(), scenario.GetProperty("adoptedPoints").GetInt32()));
        Assert.Equal(JsonValueKind.Null, scenario.GetProperty("adoptedAt").ValueKind);
        // The scenario keeps the run's result.
        Assert.Equal(chosen.Select(At), NewOptimal(scenario.GetProperty("result")).Select(At));

        // Listed and readable, also for the lezer.
        var lezer = await App.UserAsync(Roles.Lezer, g);
        var listed = Assert.Single((await lezer.GetFromJsonAsync<JsonElement>(Scenarios(g))).EnumerateArray());
        Assert.Equal(scenarioId, listed.GetProperty("id").GetGuid());
        Assert.Equal("Twee extra punten", (await lezer.GetFromJsonAsync<JsonElement>($"{Scenarios(g)}/{scenarioId}")).GetProperty("name").GetString());

        // Another gemeente: 403 on this gemeente's paths, 404 through its own; the lezer may not adopt.
        const string other = "GM0014";
        var stranger = await App.UserAsync(Roles.Coordinator, other);
        await LoginTests.AssertProblem(await stranger.GetAsync(Scenarios(g)), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Scenarios(g)}/{scenarioId}"), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await stranger.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await stranger.GetAsync($"{Scenarios(other)}/{scenarioId}"), HttpStatusCode.NotFound);
        await LoginTests.AssertProblem(await stranger.PostAsync($"{Scenarios(other)}/{scenarioId}/adoption", null), HttpStatusCode.NotFound);
        Assert.DoesNotContain(scenarioId, (await stranger.GetFromJsonAsync<JsonElement>(Scenarios(other))).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        // Nor can it save this gemeente's run under its own gemeente.
        await LoginTests.AssertProblem(await stranger.PostAsJsonAsync(Scenarios(other), new { jobId = id, name = "Gestolen" }), HttpStatusCode.UnprocessableEntity);
        await LoginTests.AssertProblem(await lezer.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null), HttpStatusCode.Forbidden);
        await LoginTests.AssertProblem(await lezer.PostAsJsonAsync(Scenarios(g), new { jobId = id, name = "Lezer" }), HttpStatusCode.Forbidden);
        Assert.Empty(await RegisterAsync(coordinator, g));

        // Adopt: the optimum's new sites enter the register as planned, at the places of the result.
        var adopted = await coordinator.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null);
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        var adoption = await adopted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((scenarioId, chosen.Count), (adoption.GetProperty("scenarioId").GetGuid(), adoption.GetProperty("added").GetInt32()));
        var register = await RegisterAsync(coordinator, g);
        Assert.Equal(chosen.Count, register.Count);
        foreach (var site in chosen)
        {
            var point = Assert.Single(register, p => p.GetProperty("buurtCode").GetString() == site.GetProperty("buurtCode").GetString());
            Assert.Equal(site.GetProperty("name").GetString(), point.GetProperty("name").GetString());
            Assert.Equal("gepland", point.GetProperty("status").GetString());
            Assert.Equal(At(site), (point.GetProperty("latitude").GetDouble(), point.GetProperty("longitude").GetDouble()));
            Assert.Contains("Twee extra punten", point.GetProperty("notes").GetString(), StringComparison.Ordinal);
        }
        var after = await coordinator.GetFromJsonAsync<JsonElement>($"{Scenarios(g)}/{scenarioId}");
        Assert.Equal(chosen.Count, after.GetProperty("adoptedPoints").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("adoptedAt").ValueKind);

        // A second adoption is refused and adds nothing.
        var again = await LoginTests.AssertProblem(await coordinator.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null), HttpStatusCode.Conflict);
        Assert.StartsWith("Dit scenario is al overgenomen", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(chosen.Count, (await RegisterAsync(coordinator, g)).Count);

        // The coverage of the register now is the optimum's: the siting figures and the coverage page agree.
        var coverage = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{g}/noodsteunpunten-coverage");
        Assert.Equal(Figures(result, "optimal").GetProperty("residentsCovered").GetInt32(), coverage.GetProperty("residentsCovered").GetInt32());
    }

    [Fact]
    public async Task Two_simultaneous_adoptions_add_the_sites_once()
    {
        const string g = "GM0293"; // Westervoort: 6 buurt points
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var before = (await RegisterAsync(coordinator, g)).Count;
        var (id, _, result) = await RunAsync(App, coordinator, g, new { model = "p-mediaan", newSites = 2, candidates = "buurtpunten" });
        var created = await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = id, name = "Tegelijk" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scenarioId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => coordinator.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(before + NewOptimal(result).Count, (await RegisterAsync(coordinator, g)).Count);
    }

    [Fact]
    public async Task The_refusal_of_a_second_adoption_gives_the_date_in_dutch()
    {
        const string g = "GM0293"; // Westervoort
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var (id, _, _) = await RunAsync(App, coordinator, g, new { model = "maximale-dekking", newSites = 1, candidates = "buurtpunten" });
        var created = await coordinator.PostAsJsonAsync(Scenarios(g), new { jobId = id, name = "Datum" });
        var scenarioId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null)).StatusCode);

        var again = await LoginTests.AssertProblem(await coordinator.PostAsync($"{Scenarios(g)}/{scenarioId}/adoption", null), HttpStatusCode.Conflict);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"))
            .ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Equal($"Dit scenario is al overgenomen op {today} door coordinator-{g.ToLowerInvariant()}@test.weerbaar.nl.", again.GetProperty("detail").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSitingScenarioTests(SqliteAppFixture fixture) : SitingScenarioTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSitingScenarioTests(PostgresAppFixture fixture) : SitingScenarioTests(fixture);
