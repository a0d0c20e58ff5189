using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Siting.SitingTestSupport;

namespace Weerbaar.Web.Tests.Siting;

/// <summary>The national run: only for the national roles, over every buurt with a location, shown per gemeente.</summary>
public abstract class SitingNationalTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task A_national_role_runs_maximal_covering_over_the_whole_country()
    {
        var admin = await App.AdminAsync();
        var bad = await admin.PostAsJsonAsync("/api/v1/siting-runs", new { model = "maximale-dekking", newSites = 10, weightByVulnerability = true, candidates = "buurtpunten" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("weightByVulnerability", ErrorFields(await bad.Content.ReadFromJsonAsync<JsonElement>()));

        await CloseOpenJobsAsync(App);
        var started = await admin.PostAsJsonAsync("/api/v1/siting-runs", new { model = "maximale-dekking", newSites = 100, candidates = "buurtpunten", timeLimitSeconds = 120 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("done", (await RunWorkerUntilFinishedAsync(App, id)).Status);

        var run = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/siting-runs/{id}");
        var result = run.GetProperty("result");
        Assert.Equal("NL", result.GetProperty("gemeentecode").GetString());
        Assert.Equal("Optimal", result.GetProperty("optimal").GetProperty("status").GetString());
        Assert.Equal(9_859, result.GetProperty("buurten").EnumerateArray().Count(b => b.GetProperty("latitude").ValueKind == JsonValueKind.Number));
        var newSites = NewOptimal(result);
        Assert.InRange(newSites.Count, 1, 100);
        Assert.All(newSites, s => Assert.StartsWith("GM", s.GetProperty("gemeenteCode").GetString(), StringComparison.Ordinal));
        // The optimum covers at least what the greedy answer and the current plan cover.
        var optimal = Figures(result, "optimal").GetProperty("residentsCovered").GetInt32();
        Assert.True(optimal >= Figures(result, "greedy").GetProperty("residentsCovered").GetInt32());
        Assert.True(optimal > Figures(result, "current").GetProperty("residentsCovered").GetInt32());

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/noodsteunpunten/locatiekeuze/{id}"));
        Assert.Contains("Per gemeente: nieuwe locaties", page, StringComparison.Ordinal);
        Assert.Contains("Optimaal (bewezen)", page, StringComparison.Ordinal);
        // Buurten without a location are counted per gemeente: Amsterdam has almost none with a point.
        Assert.Contains("Buurten zonder locatie (inwoners)", page, StringComparison.Ordinal);
        Assert.Equal(13_817 - 9_859, result.GetProperty("buurtenWithoutLocation").GetInt32());
        var list = await admin.GetStringAsync("/noodsteunpunten/locatiekeuze");
        Assert.Contains($"href=\"/noodsteunpunten/locatiekeuze/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Berekening starten", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gemeente_and_regio_users_cannot_start_or_read_a_national_run()
    {
        foreach (var user in new[] { await App.UserAsync(Roles.Coordinator, "GM0344"), await App.UserAsync(Roles.Regio, regio: "VR09") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/v1/siting-runs", new { model = "maximale-dekking", newSites = 1, candidates = "buurtpunten" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/api/v1/siting-runs/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/noodsteunpunten/locatiekeuze")).StatusCode);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSitingNationalTests(SqliteAppFixture fixture) : SitingNationalTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSitingNationalTests(PostgresAppFixture fixture) : SitingNationalTests(fixture);
