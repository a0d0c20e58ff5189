using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Afweging;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Afweging;

/// <summary>Which crisis first, over HTTP: the order from assessments and preparedness, the weights, SMAA and tenant isolation.</summary>
public abstract class PriorityTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static readonly string[] Criteria =
        ["grondgebied", "doden", "gewonden", "levensbehoeften", "kosten", "natuur-milieu", "dagelijks-leven", "democratisch-bestel", "sociaal-psychologisch"];

    private Task<int> AssessAsync(string gemeente, string scenario, string likelihood, string impact, int? own) => App.WithDbAsync(async db =>
    {
        db.RiskAssessments.Add(new RiskAssessmentEntry
        {
            GemeenteCode = gemeente,
            ScenarioCode = scenario,
            MethodVersion = Weerbaar.Analysis.Risk.RiskMethod.Default.Version,
            Likelihood = likelihood,
            Impacts = Criteria.ToDictionary(c => c, _ => impact),
            OwnPreparedness = own,
            Version = 1,
            UpdatedBy = "test",
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_order_follows_kans_impact_and_onvoorbereidheid_as_worked_by_hand()
    {
        // Zeewolde: no scan response, no noodsteunpunten; preparedness comes from the own judgement alone (and the
        // noodsteunpunten part is unknown, so it does not count).
        const string gemeente = "GM0050";
        // Zeewolde has no noodsteunpunten, so none of its residents is within reach of one: that part counts 0 for every
        // scenario that hits a vital service (all three here).
        await AssessAsync(gemeente, "langdurige-stroomuitval", "C", "D", 2); // 0.6, 0.8, 1 − (0 + 0.25)/2 = 0.875 → 2.275/3
        await AssessAsync(gemeente, "pandemie", "D", "B", 3);                // 0.8, 0.4, 1 − (0 + 0.5)/2 = 0.75 → 1.95/3
        await AssessAsync(gemeente, "overstroming", "B–C", "C", null);       // 0.5, 0.6, 1 − 0 = 1 → 2.1/3
        var lezer = await App.UserAsync(Roles.Lezer, gemeente);
        var body = await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{gemeente}/priority");
        var rows = body.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["langdurige-stroomuitval", "overstroming", "pandemie"], rows.Select(r => r.GetProperty("scenariocode").GetString()));
        Assert.Equal(2.275 / 3, rows[0].GetProperty("score").GetDouble(), 9);
        Assert.Equal(2.1 / 3, rows[1].GetProperty("score").GetDouble(), 9);
        Assert.Equal(1.95 / 3, rows[2].GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.125, rows[0].GetProperty("preparedness").GetDouble(), 9);
        var parts = rows[1].GetProperty("preparednessParts").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("value"));
        Assert.Equal(JsonValueKind.Null, parts["scan"].ValueKind);
        Assert.Equal(0, parts["noodsteunpunten"].GetDouble());
        Assert.Equal(JsonValueKind.Null, parts["oordeel"].ValueKind);

        // SMAA: each row and each column of the rank acceptabilities sums to 1; reproducible.
        var acceptability = rows.Select(r => r.GetProperty("rankAcceptability").EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        Assert.All(acceptability, row => Assert.Equal(1, row.Sum(), 9));
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(1, acceptability.Sum(row => row[k]), 9);
        }
        var again = await lezer.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{gemeente}/priority");
        Assert.Equal(body.GetRawText(), again.GetRawText());
        Assert.Equal("2026", body.GetProperty("seed").GetString());

        // Sensitivity at equal weights, raising kans to t (the others keep their 1 : 1): the top's score is
        // (0.8 + 0.875)/2 + t (0.6 − 0.8375), pandemie's (0.4 + 0.75)/2 + t (0.8 − 0.575); they cross at t = 0.2625 / 0.4625.
        var kans = body.GetProperty("sensitivity").EnumerateArray().First(s => s.GetProperty("criterion").GetString() == "kans");
        Assert.Equal("pandemie", kans.GetProperty("above").GetProperty("newTop").GetString());
        Assert.Equal(0.2625 / 0.4625, kans.GetProperty("above").GetProperty("weight").GetDouble(), 9);

        // A decision recorded now keeps this order in its inputs.
        var coordinator = await App.UserAsync(Roles.Coordinator, gemeente);
        var recorded = await coordinator.PostAsJsonAsync($"/api/v1/gemeenten/{gemeente}/decision-records", new
        {
            scenarioCode = "langdurige-stroomuitval",
            title = "Eerst langdurige stroomuitval",
            rationale = "Hoogste prioriteit.",
            decisionDate = "2026-12-01",
            preparedBy = "Team veiligheid",
            approvedBy = "College van B en W",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var record = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var ranking = record.GetProperty("inputs").GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(["langdurige-stroomuitval", "overstroming", "pandemie"], ranking.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(2.275 / 3, ranking[0].GetProperty("score").GetDouble(), 9);

        var html = await lezer.GetStringAsync($"/gemeenten/{gemeente}/afwegingskader/prioriteit");
        Assert.Contains("Welke crisis eerst? Zeewolde", html, StringComparison.Ordinal);
        Assert.Contains("vaste seed 2026", html, StringComparison.Ordinal);
        Assert.Contains("Nog niet beoordeeld", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weights_are_saved_with_a_version_and_bad_input_changes_nothing()
    {
        const string gemeente = "GM0988"; // Weert
        var url = $"/api/v1/gemeenten/{gemeente}/priority-weights";
        var coordinator = await App.UserAsync(Roles.Coordinator, gemeente);

        var bad = await coordinator.PutAsJsonAsync(url, new { version = 0, method = "direct", weights = new[] { new { low = -1.0, high = (double?)null }, new { low = 2.0, high = (double?)1 }, new { low = 1.0, high = (double?)null } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["kans-van", "impact-tot"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        var zero = await coordinator.PutAsJsonAsync(url, new { method = "direct", weights = new[] { new { low = 0.0 }, new { low = 0.0 }, new { low = 0.0 } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, zero.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await coordinator.PutAsJsonAsync(url, new { method = "direct", weights = new[] { new { low = 1.0 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await coordinator.PutAsJsonAsync(url, new { method = "ahp", pairwise = new[] { "3", "2", "1/3" } })).StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.PriorityWeights.IgnoreQueryFilters().FirstOrDefaultAsync(w => w.GemeenteCode == gemeente)));

        var ok = await coordinator.PutAsJsonAsync(url, new { version = 0, method = "direct", weights = new[] { new { low = 1.0, high = 2.0 }, new { low = 1.0, high = 1.0 }, new { low = 2.0, high = 2.0 } } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, saved.GetProperty("version").GetInt32());
        // Middles 1.5 : 1 : 2 → 1.5/4.5.
        Assert.Equal(1.5 / 4.5, saved.GetProperty("weights")[0].GetProperty("central").GetDouble(), 9);

        var stale = await coordinator.PutAsJsonAsync(url, new { version = 0, method = "direct", weights = new[] { new { low = 5.0 }, new { low = 1.0 }, new { low = 1.0 } } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1, (await coordinator.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32());

        // AHP, inconsistent on purpose: kans ≫ impact, impact ≫ onvoorbereidheid, yet onvoorbereidheid ≫ kans.
        var ahp = await coordinator.PutAsJsonAsync(url, new { version = 1, method = "ahp", pairwise = new[] { "9", "1/9", "9" } });
        Assert.Equal(HttpStatusCode.OK, ahp.StatusCode);
        var body = await ahp.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("consistencyRatio").GetDouble() > 0.1);
        Assert.Contains("niet consistent genoeg", body.GetProperty("warning").GetString(), StringComparison.Ordinal);
        var page = await coordinator.GetStringAsync($"/gemeenten/{gemeente}/afwegingskader/prioriteit/gewichten");
        Assert.Contains("niet consistent genoeg", page, StringComparison.Ordinal);

        // Consistent judgements 1 : 3 : 1/3 … give Saaty's eigenvector; with CR below 0.1 there is no warning.
        var consistent = await coordinator.PutAsJsonAsync(url, new { method = "ahp", pairwise = new[] { "1", "3", "3" } });
        var weights = await consistent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, weights.GetProperty("warning").ValueKind);
        Assert.Equal(weights.GetProperty("weights")[0].GetProperty("central").GetDouble(), weights.GetProperty("weights")[1].GetProperty("central").GetDouble(), 9);
        Assert.Equal(3, weights.GetProperty("weights")[0].GetProperty("central").GetDouble() / weights.GetProperty("weights")[2].GetProperty("central").GetDouble(), 6);
    }

    [Fact]
    public async Task The_weights_form_saves_and_refuses_with_Dutch_messages()
    {
        const string gemeente = "GM0935"; // Maastricht
        var url = $"/gemeenten/{gemeente}/afwegingskader/prioriteit/gewichten";
        var coordinator = await App.UserAsync(Roles.Coordinator, gemeente);
        var wrong = await HtmlForms.PostFormAsync(coordinator, url, "direct", new Dictionary<string, string>
        {
            ["kans-van"] = "veel",
            ["kans-tot"] = "",
            ["impact-van"] = "1",
            ["impact-tot"] = "",
            ["onvoorbereidheid-van"] = "1",
            ["onvoorbereidheid-tot"] = "",
            ["actie"] = "opslaan",
        });
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Het gewicht van kans moet een getal van 0 tot en met 100 zijn (niet &#x27;veel&#x27;).", html, StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.PriorityWeights.IgnoreQueryFilters().FirstOrDefaultAsync(w => w.GemeenteCode == gemeente)));

        var saved = await HtmlForms.PostFormAsync(coordinator, url, "ahp", new Dictionary<string, string>
        {
            ["paar-kans-impact"] = "3",
            ["paar-kans-onvoorbereidheid"] = "1",
            ["paar-impact-onvoorbereidheid"] = "1/3",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await App.WithDbAsync(db => db.PriorityWeights.IgnoreQueryFilters().AsNoTracking().FirstAsync(w => w.GemeenteCode == gemeente));
        Assert.Equal(1, row.Version);
        Assert.Equal("ahp", PriorityWeights.FromJson(row.WeightsJson).Method);
    }

    [Fact]
    public async Task Another_gemeente_neither_reads_nor_changes_the_priority()
    {
        const string gemeente = "GM0796"; // 's-Hertogenbosch
        var other = await App.UserAsync(Roles.Coordinator, "GM0141");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/gemeenten/{gemeente}/priority")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/gemeenten/{gemeente}/priority-weights")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/v1/gemeenten/{gemeente}/priority-weights", new { reset = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/gemeenten/{gemeente}/afwegingskader/prioriteit")).StatusCode);
        var lezer = await App.UserAsync(Roles.Lezer, gemeente);
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync($"/api/v1/gemeenten/{gemeente}/priority-weights", new { reset = true })).StatusCode);
        Assert.DoesNotContain("Gewichten opslaan", await lezer.GetStringAsync($"/gemeenten/{gemeente}/afwegingskader/prioriteit/gewichten"), StringComparison.Ordinal);
        Assert.Null(await App.WithDbAsync(db => db.PriorityWeights.IgnoreQueryFilters().FirstOrDefaultAsync(w => w.GemeenteCode == gemeente)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePriorityTests(SqliteAppFixture fixture) : PriorityTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPriorityTests(PostgresAppFixture fixture) : PriorityTests(fixture);
