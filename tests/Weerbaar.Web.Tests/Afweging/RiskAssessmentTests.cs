using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Afweging;

/// <summary>Risk assessments per gemeente: scores as the risk method computes them, versions, refusals, the hub with its diagram, tenant isolation.</summary>
public abstract partial class RiskAssessmentTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string Laarbeek = "GM1659";
    private const string Reusel = "GM1667";
    private const string Wijdemeren = "GM1696";
    private const string Twenterand = "GM1700";
    private const string Sluis = "GM1714";   // VR19 Zeeland
    private const string Bladel = "GM1728";  // VR22 Brabant-Zuidoost

    private static readonly string[] Criteria =
        ["grondgebied", "doden", "gewonden", "levensbehoeften", "kosten", "natuur-milieu", "dagelijks-leven", "democratisch-bestel", "sociaal-psychologisch"];

    private static Dictionary<string, string> All(string cls) => Criteria.ToDictionary(c => c, _ => cls);

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task A_saved_assessment_scores_as_worked_by_hand_and_as_RiskScoring()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Laarbeek);
        var api = $"/api/v1/gemeenten/{Laarbeek}/risk-assessments";

        // By hand (docs/risk-method.md, f = 10): likelihood C, all nine criteria B → v(B) = 10, I_sum = 9 × 10 = 90,
        // I = 90 / 9 = 10 → aanzienlijk (√10 ≈ 3.16 ≤ 10 < 10^1.5 ≈ 31.6); y = 2 + log10(10/10) = 2; R = ℓ(C) × I = 100 × 10 = 1000.
        var saved = await coordinator.PutAsJsonAsync(api + "/langdurige-stroomuitval",
            new { version = 0, likelihood = "c", impacts = All("b"), ownPreparedness = 2, rationale = "Oefening met de netbeheerder." });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await Json(saved);
        Assert.Equal(10, body.GetProperty("impactScore").GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1000, body.GetProperty("riskScore").GetProperty("mean").GetDouble(), 9);
        Assert.Equal("aanzienlijk", body.GetProperty("endClass").GetString());
        Assert.Equal((3.0, 2.0), (body.GetProperty("diagram").GetProperty("x").GetDouble(), Math.Round(body.GetProperty("diagram").GetProperty("y").GetDouble(), 9)));
        Assert.Equal(("C", "B"), (body.GetProperty("likelihood").GetString(), body.GetProperty("impacts").GetProperty("doden").GetString()));

        // By hand: likelihood B–C, all C but doden D → I_sum = 8 × 100 + 1000 = 1800, I = 200 → ernstig (31.6 ≤ 200 < 316.2);
        // ℓ over B–C: min 10, mean 55, max 100 → R = 2000 / 11000 / 20000; y = 3 + log10(2) = 3.30103; x from 2 to 3, middle 2.5.
        var impacts = All("C");
        impacts["doden"] = "D";
        var range = await Json(await coordinator.PutAsJsonAsync(api + "/hybride-aanval", new { version = 0, likelihood = "B-C", impacts }));
        Assert.Equal((2000.0, 11000.0, 20000.0), (Math.Round(range.GetProperty("riskScore").GetProperty("min").GetDouble(), 6),
            Math.Round(range.GetProperty("riskScore").GetProperty("mean").GetDouble(), 6), Math.Round(range.GetProperty("riskScore").GetProperty("max").GetDouble(), 6)));
        Assert.Equal(200, range.GetProperty("impactScore").GetProperty("mean").GetDouble(), 9);
        Assert.Equal("ernstig", range.GetProperty("endClass").GetString());
        Assert.Equal(3 + Math.Log10(2), range.GetProperty("diagram").GetProperty("y").GetDouble(), 9);
        Assert.Equal((2.0, 2.5, 3.0), (range.GetProperty("diagram").GetProperty("xMin").GetDouble(), range.GetProperty("diagram").GetProperty("x").GetDouble(), range.GetProperty("diagram").GetProperty("xMax").GetDouble()));

        // The same input through the method's own functions gives the same numbers.
        var check = AssessmentValidator.Validate(RiskMethod.Default, new ScenarioAssessment("hybride-aanval", "B–C", impacts.ToDictionary(i => i.Key, i => (string?)i.Value)));
        var expected = RiskScoring.Score(RiskMethod.Default, check.Assessment!);
        Assert.Equal(expected.RiskScore.Mean, range.GetProperty("riskScore").GetProperty("mean").GetDouble());
        Assert.Equal(expected.ImpactScore.Mean, range.GetProperty("impactScore").GetProperty("mean").GetDouble());

        var list = await coordinator.GetFromJsonAsync<JsonElement>(api);
        var ranked = list.GetProperty("ranked").EnumerateArray().ToList();
        Assert.Equal(["hybride-aanval", "langdurige-stroomuitval"], ranked.Select(r => r.GetProperty("scenarioCode").GetString()));
        Assert.Equal([1, 2], ranked.Select(r => r.GetProperty("position").GetInt32()));
        Assert.Equal(8, list.GetProperty("unassessed").GetArrayLength());
        Assert.Equal(RiskMethod.Default.Version, list.GetProperty("methodVersion").GetString());
        Assert.Equal(2, ranked[1].GetProperty("ownPreparedness").GetInt32());

        // The hub: the ranked table and the diagram with each point where the class axes put it:
        // x = 130 + 100 · (class − 0.5), y = 10 + 60 · (5.5 − impact position).
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Laarbeek}/afwegingskader"));
        var points = PointRegex().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => (X: double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)));
        Assert.Equal((380.0, 220.0), points["langdurige-stroomuitval"]);
        Assert.Equal(330.0, points["hybride-aanval"].X);
        Assert.Equal(Math.Round(10 + (60 * (5.5 - 3 - Math.Log10(2))), 2), points["hybride-aanval"].Y);
        Assert.Contains("1.000", html, StringComparison.Ordinal);
        Assert.Contains("2.000–20.000 (gemiddeld 11.000)", html, StringComparison.Ordinal);
        Assert.Contains("aanzienlijk", html, StringComparison.Ordinal);
        Assert.Contains("nog niet beoordeeld", html, StringComparison.Ordinal);
        Assert.Contains("id=\"afwegingskader-onderdelen\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_409_and_the_assessment_stays_unchanged()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Reusel);
        var url = $"/api/v1/gemeenten/{Reusel}/risk-assessments/pandemie";
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new { version = 0, likelihood = "D", impacts = All("A") })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(url, new { version = 1, likelihood = "E", impacts = All("A") })).StatusCode);
        var stale = await coordinator.PutAsJsonAsync(url, new { version = 1, likelihood = "A", impacts = All("E") });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var second = await coordinator.PutAsJsonAsync(url, new { version = 0, likelihood = "A", impacts = All("E") });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var row = await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().SingleAsync(a => a.GemeenteCode == Reusel && a.ScenarioCode == "pandemie"));
        Assert.Equal(("E", 2, "A"), (row.Likelihood, row.Version, row.Impacts["doden"]));

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"/api/v1/gemeenten/{Reusel}/risk-assessments/bestaat-niet",
            new { version = 0, likelihood = "A", impacts = All("A") })).StatusCode);
    }

    [Fact]
    public async Task Hostile_input_is_refused_whole_with_every_error()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Wijdemeren);
        var url = $"/api/v1/gemeenten/{Wijdemeren}/risk-assessments/overstroming";
        var impacts = All("Z").ToDictionary(i => i.Key, i => (string?)i.Value);
        impacts.Remove("kosten");
        impacts["onbekend"] = "A";
        impacts["doden"] = "C–B";
        var bad = await coordinator.PutAsJsonAsync(url, new { version = 0, likelihood = "X", impacts, ownPreparedness = 6, rationale = new string('a', 10_000) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await Json(bad)).GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Contains("likelihood", errors.Keys);
        Assert.Equal("'Z' is geen impactklasse voor 'Aantasting integriteit grondgebied'; gebruik X (geen impact), A t/m E of een bereik zoals B–C.", errors["impacts.grondgebied"]);
        Assert.Contains("loopt van hoog naar laag", errors["impacts.doden"], StringComparison.Ordinal);
        Assert.Equal("Onbekend impactcriterium 'onbekend'.", errors["impacts.onbekend"]);
        Assert.Contains("'Kosten' is niet beoordeeld", errors["impacts.kosten"], StringComparison.Ordinal);
        Assert.Contains("1 (niet voorbereid) tot en met 5", errors["ownPreparedness"], StringComparison.Ordinal);
        Assert.Equal("De onderbouwing is 10.000 tekens; het maximum is 4.000.", errors["rationale"]);
        Assert.Equal(0, await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().CountAsync(a => a.GemeenteCode == Wijdemeren && a.ScenarioCode == "overstroming")));

        // The page shows the validator's messages next to the fields and in the summary, and keeps what was chosen.
        var page = $"/gemeenten/{Wijdemeren}/afwegingskader/scenarios/overstroming/beoordeling";
        var form = new Dictionary<string, string> { ["likelihood"] = "Z", ["impact-doden"] = "C", ["ownPreparedness"] = "3" };
        var html = WebUtility.HtmlDecode(await (await HtmlForms.PostFormAsync(coordinator, page, "beoordeling", form)).Content.ReadAsStringAsync());
        Assert.Contains("'Z' is geen waarschijnlijkheidsklasse", html, StringComparison.Ordinal);
        Assert.Contains("id=\"impact-kosten-fout\"", html, StringComparison.Ordinal);
        Assert.Contains("Geef een impactklasse voor 'Kosten'", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"C\" selected", html, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().CountAsync(a => a.GemeenteCode == Wijdemeren && a.ScenarioCode == "overstroming")));
    }

    [Fact]
    public async Task The_page_form_saves_ranges_and_shows_the_outcome()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Twenterand);
        var page = $"/gemeenten/{Twenterand}/afwegingskader/scenarios/telecomuitval/beoordeling";
        var form = Criteria.ToDictionary(c => "impact-" + c, _ => "B");
        form["likelihood"] = "C";
        form["impact-kosten"] = "B–C";
        form["impact-cultureel-erfgoed"] = "";
        form["ownPreparedness"] = "4";
        form["rationale"] = "Besproken in het kernteam.";
        var saved = await HtmlForms.PostFormAsync(coordinator, page, "beoordeling", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().SingleAsync(a => a.GemeenteCode == Twenterand && a.ScenarioCode == "telecomuitval"));
        Assert.Equal(("C", "B–C", 4, 9), (row.Likelihood, row.Impacts["kosten"], row.OwnPreparedness, row.Impacts.Count));

        // By hand: eight criteria B (10) and kosten B–C (10, 55, 100) → I = 80/9 + (10 | 55 | 100)/9 = 10 | 15 | 20; R = 100 × I.
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(page + "?opgeslagen=true"));
        Assert.Contains("De beoordeling is opgeslagen", html, StringComparison.Ordinal);
        Assert.Contains("10,0–20,0 (gemiddeld 15,0)", html, StringComparison.Ordinal);
        Assert.Contains("1.000–2.000 (gemiddeld 1.500)", html, StringComparison.Ordinal);
        Assert.Contains("4 (grotendeels voorbereid)", html, StringComparison.Ordinal);

        var lezer = WebUtility.HtmlDecode(await (await App.UserAsync(Roles.Lezer, Twenterand)).GetStringAsync(page));
        Assert.DoesNotContain("Beoordeling opslaan", lezer, StringComparison.Ordinal);
        Assert.Contains("10,0–20,0 (gemiddeld 15,0)", lezer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_read_or_change_another_gemeentes_scenarios_and_assessments()
    {
        var sluis = await App.UserAsync(Roles.Coordinator, Sluis);
        var bladel = await App.UserAsync(Roles.Coordinator, Bladel);
        Assert.Equal(HttpStatusCode.Created, (await bladel.PostAsJsonAsync($"/api/v1/gemeenten/{Bladel}/scenarios", new
        {
            code = "eigen-geheim",
            name = "Geheim scenario Bladel",
            description = "Alleen voor Bladel.",
            pillars = new[] { "CO" },
            typicalDurationHours = 24,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bladel.PutAsJsonAsync($"/api/v1/gemeenten/{Bladel}/risk-assessments/eigen-geheim", new { version = 0, likelihood = "B", impacts = All("B") })).StatusCode);

        foreach (var url in new[]
                 {
                     $"/api/v1/gemeenten/{Bladel}/scenarios", $"/api/v1/gemeenten/{Bladel}/scenarios/eigen-geheim", $"/api/v1/gemeenten/{Bladel}/risk-assessments",
                     $"/gemeenten/{Bladel}/afwegingskader", $"/gemeenten/{Bladel}/afwegingskader/scenarios", $"/gemeenten/{Bladel}/afwegingskader/scenarios/eigen-geheim",
                     $"/gemeenten/{Bladel}/afwegingskader/scenarios/eigen-geheim/beoordeling", $"/gemeenten/{Bladel}/afwegingskader/scenarios/eigen-geheim/bewerken",
                 })
        {
            var response = await sluis.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Geheim scenario", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await sluis.PutAsJsonAsync($"/api/v1/gemeenten/{Bladel}/scenarios/eigen-geheim", new { name = "Overgenomen", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sluis.DeleteAsync($"/api/v1/gemeenten/{Bladel}/scenarios/eigen-geheim?deleteAssessment=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sluis.PostAsJsonAsync($"/api/v1/gemeenten/{Bladel}/scenarios", new { code = "eigen-indringer", name = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sluis.PutAsJsonAsync($"/api/v1/gemeenten/{Bladel}/risk-assessments/eigen-geheim", new { version = 1, likelihood = "E", impacts = All("E") })).StatusCode);

        // Through its own gemeente's routes Sluis does not see Bladel's rows either.
        Assert.Equal(HttpStatusCode.NotFound, (await sluis.GetAsync($"/api/v1/gemeenten/{Sluis}/scenarios/eigen-geheim")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sluis.PutAsJsonAsync($"/api/v1/gemeenten/{Sluis}/risk-assessments/eigen-geheim", new { version = 0, likelihood = "A", impacts = All("A") })).StatusCode);
        var own = await sluis.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{Sluis}/risk-assessments");
        Assert.Equal(0, own.GetProperty("ranked").GetArrayLength());

        var stored = await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().SingleAsync(a => a.GemeenteCode == Bladel && a.ScenarioCode == "eigen-geheim"));
        Assert.Equal(("B", 1), (stored.Likelihood, stored.Version));
        Assert.Equal(1, await App.WithDbAsync(db => db.OwnScenarios.IgnoreQueryFilters().CountAsync(s => s.GemeenteCode == Bladel)));

        // The veiligheidsregio of Bladel reads along, but cannot change.
        var regio = await App.UserAsync(Roles.Regio, regio: "VR22");
        Assert.Equal(HttpStatusCode.OK, (await regio.GetAsync($"/api/v1/gemeenten/{Bladel}/risk-assessments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regio.PutAsJsonAsync($"/api/v1/gemeenten/{Bladel}/risk-assessments/eigen-geheim", new { version = 1, likelihood = "E", impacts = All("E") })).StatusCode);
    }

    [GeneratedRegex("<g class=\"site-risk-point\" data-scenario=\"(?<id>[^\"]+)\" data-x=\"(?<x>[0-9.]+)\" data-y=\"(?<y>[0-9.]+)\"")]
    private static partial Regex PointRegex();
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRiskAssessmentTests(SqliteAppFixture fixture) : RiskAssessmentTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRiskAssessmentTests(PostgresAppFixture fixture) : RiskAssessmentTests(fixture);
