using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>
/// GET /api/v1/rounds/{id}/results/pillars against numpy/scipy: responses and expected values from
/// Fixtures/make_pillar_analysis.py (output committed as Fixtures/pillar_analysis.json).
/// </summary>
public abstract class PillarAnalysisApiTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    [Fact]
    public async Task Priorities_and_depth_match_scipy()
    {
        var fixtureJson = ComparisonCodeTests.Fixture("pillar_analysis.json");
        var rows = fixtureJson.GetProperty("rows").EnumerateArray().Select(r => (
            r.GetProperty("respondent").GetString()!, r.GetProperty("gemeente").GetString()!,
            r.GetProperty("answers").EnumerateObject().ToDictionary(a => a.Name, a => a.Value.GetString()!)));
        var client = await App.UserAsync(Roles.Onderzoeker);
        var round = await ComparisonCodeTests.RoundWithAsync(client, ComparisonCodeTests.Csv(rows));

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results/pillars");
        var expected = fixtureJson.GetProperty("priorities");
        var priorities = result.GetProperty("priorities");
        Assert.Equal(expected.GetProperty("respondents").GetInt32(), priorities.GetProperty("respondents").GetInt32());
        var items = priorities.GetProperty("items").EnumerateArray().ToList();
        var wantedItems = expected.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(wantedItems.Select(i => i.GetProperty("code").GetString()), items.Select(i => i.GetProperty("code").GetString()));
        foreach (var (w, a) in wantedItems.Zip(items))
        {
            foreach (var field in new[] { "meanRank", "shareFirst", "borda" })
            {
                ComparisonCodeTests.Near(w, a, field, field, w.GetProperty("code").GetString());
            }
        }
        var preferences = priorities.GetProperty("preferences").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToList()).ToList();
        var wantedPreferences = expected.GetProperty("preferences").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToList()).ToList();
        Assert.Equal(6, preferences.Count);
        foreach (var (w, a) in wantedPreferences.Zip(preferences))
        {
            Assert.Equal(w, a, (x, y) => Math.Abs(x - y) <= 1e-12);
        }
        Assert.Equal(expected.GetProperty("condorcetOrder").EnumerateArray().Select(c => c.GetString()),
            priorities.GetProperty("condorcetOrder").EnumerateArray().Select(c => c.GetString()));
        var concordance = priorities.GetProperty("concordance");
        foreach (var field in new[] { "w", "chiSquare", "df", "p" })
        {
            ComparisonCodeTests.Near(expected.GetProperty("concordance"), concordance, field, field, "concordance");
        }

        var depth = result.GetProperty("depth").EnumerateArray().ToList();
        var wantedDepth = fixtureJson.GetProperty("depth").EnumerateArray().ToList();
        Assert.Equal(wantedDepth.Select(d => d.GetProperty("code").GetString()), depth.Select(d => d.GetProperty("code").GetString()));
        foreach (var (w, a) in wantedDepth.Zip(depth))
        {
            var code = w.GetProperty("code").GetString();
            Assert.Equal(w.GetProperty("pairs").GetInt32(), a.GetProperty("pairs").GetInt32());
            foreach (var field in new[] { "meanBewustzijn", "meanInzicht", "statistic", "z", "p", "pHolm", "effectSize" })
            {
                ComparisonCodeTests.Near(w, a, field, field, code);
            }
        }
    }

    [Fact]
    public async Task A_round_without_rankings_or_pairs_has_no_tests_and_an_unknown_round_is_404()
    {
        var client = await App.UserAsync(Roles.Onderzoeker);
        var round = await ComparisonCodeTests.RoundWithAsync(client, ComparisonCodeTests.Csv([("x", "GM0363", new() { ["B1"] = "3", ["EC_bewustzijn"] = "4", ["EC_inzicht"] = "WN" })]));
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{round}/results/pillars");
        var priorities = result.GetProperty("priorities");
        Assert.Equal(0, priorities.GetProperty("respondents").GetInt32());
        Assert.Equal(JsonValueKind.Null, priorities.GetProperty("concordance").ValueKind);
        Assert.Equal(JsonValueKind.Null, priorities.GetProperty("condorcetOrder").ValueKind);
        Assert.All(priorities.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("meanRank").ValueKind));
        Assert.All(result.GetProperty("depth").EnumerateArray(), d => Assert.Equal((0, JsonValueKind.Null), (d.GetProperty("pairs").GetInt32(), d.GetProperty("p").ValueKind)));

        await LoginTests.AssertProblem(await client.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/results/pillars"), HttpStatusCode.NotFound);
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0363");
        await LoginTests.AssertProblem(await coordinator.GetAsync($"/api/v1/rounds/{round}/results/pillars"), HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePillarAnalysisApiTests(SqliteAppFixture fixture) : PillarAnalysisApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPillarAnalysisApiTests(PostgresAppFixture fixture) : PillarAnalysisApiTests(fixture);
