using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.CrisisScenarios;

/// <summary>A gemeente's own scenarios beside the national library: create, copy, edit with a version, validation, the delete rule.</summary>
public abstract class OwnScenarioTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string Maasgouw = "GM1641";
    private const string Halderberge = "GM1655";
    private const string Cranendonck = "GM1706";

    private static object Scenario(string code, string name, int? version = null) => new
    {
        code,
        name,
        description = "Een storing bij de waterzuivering; de wijken ten noorden van de Maas zitten twee dagen zonder drinkwater.",
        pillars = new[] { "VV", "ZR" },
        vitalServices = new[] { "drinkwater" },
        typicalDurationHours = 48,
        scarceResources = new[] { "drinkwater" },
        version,
    };

    private static async Task<List<string?>> ErrorFields(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
    }

    [Fact]
    public async Task The_list_holds_the_national_library_and_the_gemeentes_own()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Cranendonck);
        var url = $"/api/v1/gemeenten/{Cranendonck}/scenarios";
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(url, Scenario("eigen-waterstoring-noord", "Waterstoring noord"))).StatusCode);

        var list = await coordinator.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(1, list.GetProperty("libraryVersion").GetInt32());
        Assert.Equal("Landelijke scenariobibliotheek voor de koude fase", list.GetProperty("libraryTitle").GetString());
        var scenarios = list.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(10, scenarios.Count(s => s.GetProperty("source").GetString() == "landelijk"));
        var own = Assert.Single(scenarios, s => s.GetProperty("source").GetString() == "eigen");
        Assert.Equal("eigen-waterstoring-noord", own.GetProperty("code").GetString());

        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Cranendonck}/afwegingskader/scenarios"));
        Assert.Contains("Landelijke scenariobibliotheek voor de koude fase, versie 1", html, StringComparison.Ordinal);
        Assert.Contains("Waterstoring noord", html, StringComparison.Ordinal);
        Assert.Contains("Langdurige stroomuitval", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_edit_with_version_and_conflict_keeps_the_stored_scenario()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Maasgouw);
        var url = $"/api/v1/gemeenten/{Maasgouw}/scenarios";
        var created = await coordinator.PostAsJsonAsync(url, new
        {
            name = "Brand in de haven van Wessem",
            description = "Een grote brand met rook over het dorp.",
            pillars = new[] { "CO" },
            typicalDurationHours = 12,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        // No code given: made from the name.
        Assert.Equal("eigen-brand-in-de-haven-van-wessem", body.GetProperty("code").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal($"/api/v1/gemeenten/{Maasgouw}/scenarios/eigen-brand-in-de-haven-van-wessem", created.Headers.Location?.OriginalString);

        var item = url + "/eigen-brand-in-de-haven-van-wessem";
        var changed = await coordinator.PutAsJsonAsync(item, Scenario("", "Brand in de haven", version: 1));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var stale = await coordinator.PutAsJsonAsync(item, Scenario("", "Iets anders", version: 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var stored = await coordinator.GetFromJsonAsync<JsonElement>(item);
        Assert.Equal(("Brand in de haven", 2, 48), (stored.GetProperty("name").GetString(), stored.GetProperty("version").GetInt32(), stored.GetProperty("typicalDurationHours").GetInt32()));

        Assert.Equal(["version"], await ErrorFields(await coordinator.PutAsJsonAsync(item, Scenario("", "Zonder versie"))));
    }

    [Fact]
    public async Task Hostile_or_incomplete_input_is_refused_whole_with_every_error()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Maasgouw);
        var url = $"/api/v1/gemeenten/{Maasgouw}/scenarios";
        var bad = await coordinator.PostAsJsonAsync(url, new
        {
            code = "stroomuitval-noord",
            name = new string('x', 201),
            description = "",
            pillars = new[] { "XX" },
            vitalServices = new[] { "wifi" },
            typicalDurationHours = 9000,
            scarceResources = new[] { "goud" },
            basedOnCode = "bestaat-niet",
        });
        Assert.Equal(["code", "basedOnCode", "name", "description", "pillars", "vitalServices", "scarceResources", "typicalDurationHours"], await ErrorFields(bad));
        Assert.Equal(["code"], await ErrorFields(await coordinator.PostAsJsonAsync(url, Scenario("eigen-Hoofd Letters!", "X"))));
        Assert.Equal(["code"], await ErrorFields(await coordinator.PostAsJsonAsync(url, Scenario("", "!!!"))));
        Assert.Equal(["typicalDurationHours"], await ErrorFields(await coordinator.PostAsJsonAsync(url, new
        {
            code = "eigen-nul",
            name = "Nul uur",
            description = "Duurt niet.",
            pillars = new[] { "CO" },
            typicalDurationHours = 0,
        })));
        Assert.Equal(0, await App.WithDbAsync(db => db.OwnScenarios.IgnoreQueryFilters().CountAsync(s => s.GemeenteCode == Maasgouw && (s.Code == "stroomuitval-noord" || s.Code == "eigen-nul"))));

        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(url, Scenario("eigen-dubbel", "Dubbel"))).StatusCode);
        Assert.Equal(["code"], await ErrorFields(await coordinator.PostAsJsonAsync(url, Scenario("eigen-dubbel", "Nog eens"))));
    }

    [Fact]
    public async Task National_scenarios_are_read_only_and_can_be_copied()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Maasgouw);
        var url = $"/api/v1/gemeenten/{Maasgouw}/scenarios";
        var national = await coordinator.GetFromJsonAsync<JsonElement>(url + "/drinkwateruitval");
        Assert.Equal("landelijk", national.GetProperty("source").GetString());

        var put = await coordinator.PutAsJsonAsync(url + "/drinkwateruitval", Scenario("", "Anders", version: 0));
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("Kopieer het naar een eigen scenario", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.DeleteAsync(url + "/drinkwateruitval")).StatusCode);

        // The page form "copy from" fills in the national scenario; saving stores it with where it came from.
        var form = $"/gemeenten/{Maasgouw}/afwegingskader/scenarios/nieuw?van=drinkwateruitval";
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync(form));
        Assert.Contains("Ingevuld met het landelijke scenario ‘Uitval van de drinkwatervoorziening’", page, StringComparison.Ordinal);
        Assert.Contains("value=\"eigen-drinkwateruitval\"", page, StringComparison.Ordinal);
        Assert.Contains("<legend class=\"utrecht-form-fieldset__legend\">Geraakte pijlers</legend>", page, StringComparison.Ordinal);
        var saved = await HtmlForms.PostFormAsync(coordinator, form, "scenario", new List<KeyValuePair<string, string>>
        {
            new("code", "eigen-drinkwateruitval"),
            new("name", "Uitval drinkwater Maasgouw"),
            new("description", "Zoals landelijk, maar met de zorginstellingen van Maasgouw."),
            new("typicalDurationHours", "120"),
            new("pillars", "VV"),
            new("pillars", "ZR"),
            new("vitalServices", "drinkwater"),
            new("vitalServices", "zorg"),
            new("scarceResources", "drinkwater"),
            new("basedOnCode", "drinkwateruitval"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/gemeenten/{Maasgouw}/afwegingskader/scenarios/eigen-drinkwateruitval?melding=opgeslagen", saved.Headers.Location?.PathAndQuery);
        var own = await App.WithDbAsync(db => db.OwnScenarios.IgnoreQueryFilters().SingleAsync(s => s.GemeenteCode == Maasgouw && s.Code == "eigen-drinkwateruitval"));
        Assert.Equal(("drinkwateruitval", 1, 120), (own.BasedOnCode, own.BasedOnLibraryVersion, own.TypicalDurationHours));
        Assert.Equal(["VV", "ZR"], own.Pillars);
        Assert.Equal(["drinkwater", "zorg"], own.VitalServices);

        var detail = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Maasgouw}/afwegingskader/scenarios/eigen-drinkwateruitval"));
        Assert.Contains("gebaseerd op het landelijke scenario ‘Uitval van de drinkwatervoorziening’", detail, StringComparison.Ordinal);
        Assert.Contains("Zelfredzaamheid inwoners, bedrijven en maatschappelijke organisaties", detail, StringComparison.Ordinal);
        Assert.Contains("Zorg (ziekenhuizen, huisartsen, thuiszorg)", detail, StringComparison.Ordinal);
        Assert.Contains("120 uur (5 dagen)", detail, StringComparison.Ordinal);
        var nationalPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/gemeenten/{Maasgouw}/afwegingskader/scenarios/drinkwateruitval"));
        Assert.Contains("Een landelijk scenario kunt u niet wijzigen", nationalPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Eigen scenario verwijderen", nationalPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_form_edits_with_dutch_errors_and_a_version_conflict_keeps_what_was_typed()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Halderberge);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/v1/gemeenten/{Halderberge}/scenarios", Scenario("eigen-dijkdoorbraak", "Dijkdoorbraak"))).StatusCode);
        var form = $"/gemeenten/{Halderberge}/afwegingskader/scenarios/eigen-dijkdoorbraak/bewerken";

        var wrong = await HtmlForms.PostFormAsync(coordinator, form, "scenario", new List<KeyValuePair<string, string>>
        {
            new("name", ""), new("description", "Water"), new("typicalDurationHours", "een week"),
        });
        var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Geef het scenario een naam.", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("De typische duur 'een week' is geen geheel aantal uren van 1 tot en met 8.760", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Kies ten minste één pijler", wrongHtml, StringComparison.Ordinal);

        // Someone else saves first (API, version 1 → 2); the page still holds version 1.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/v1/gemeenten/{Halderberge}/scenarios/eigen-dijkdoorbraak", Scenario("", "Dijkdoorbraak Oudenbosch", version: 1))).StatusCode);
        var typed = new List<KeyValuePair<string, string>>
        {
            new("version", "1"), new("name", "Dijkdoorbraak bij de Mark"), new("description", "Water in de polder."), new("typicalDurationHours", "240"), new("pillars", "SW"),
        };
        var conflict = await HtmlForms.PostFormAsync(coordinator, form, "scenario", typed);
        var conflictHtml = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("heeft dit scenario intussen ook gewijzigd", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Dijkdoorbraak bij de Mark\"", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"version\" value=\"2\"", conflictHtml, StringComparison.Ordinal);
        Assert.Equal("Dijkdoorbraak Oudenbosch", await App.WithDbAsync(db => db.OwnScenarios.IgnoreQueryFilters().Where(s => s.GemeenteCode == Halderberge && s.Code == "eigen-dijkdoorbraak").Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_assessed_own_scenario_is_deleted_only_with_its_assessment_after_confirmation()
    {
        var coordinator = await App.UserAsync(Roles.Coordinator, Halderberge);
        var api = $"/api/v1/gemeenten/{Halderberge}";
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(api + "/scenarios", Scenario("eigen-te-verwijderen", "Te verwijderen"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync(api + "/scenarios", Scenario("eigen-onbeoordeeld", "Onbeoordeeld"))).StatusCode);
        var impacts = new[] { "grondgebied", "doden", "gewonden", "levensbehoeften", "kosten", "natuur-milieu", "dagelijks-leven", "democratisch-bestel", "sociaal-psychologisch" }
            .ToDictionary(c => c, _ => "A");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(api + "/risk-assessments/eigen-te-verwijderen", new { version = 0, likelihood = "B", impacts })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync(api + "/scenarios/eigen-onbeoordeeld")).StatusCode);
        var refused = await coordinator.DeleteAsync(api + "/scenarios/eigen-te-verwijderen");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("deleteAssessment=true", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The page: without ticking the confirmation nothing is deleted; with it both go.
        var page = $"/gemeenten/{Halderberge}/afwegingskader/scenarios/eigen-te-verwijderen";
        var unconfirmed = await HtmlForms.PostFormAsync(coordinator, page, "verwijderen", new Dictionary<string, string>());
        Assert.Contains("Vink aan dat de beoordeling ook verwijderd mag worden", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().CountAsync(a => a.GemeenteCode == Halderberge && a.ScenarioCode == "eigen-te-verwijderen")));
        var confirmed = await HtmlForms.PostFormAsync(coordinator, page, "verwijderen", new Dictionary<string, string> { ["metBeoordeling"] = "ja" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.RiskAssessments.IgnoreQueryFilters().CountAsync(a => a.GemeenteCode == Halderberge && a.ScenarioCode == "eigen-te-verwijderen")));
        Assert.Equal(0, await App.WithDbAsync(db => db.OwnScenarios.IgnoreQueryFilters().CountAsync(s => s.GemeenteCode == Halderberge && s.Code.StartsWith("eigen-te-"))));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(api + "/scenarios/eigen-te-verwijderen")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteOwnScenarioTests(SqliteAppFixture fixture) : OwnScenarioTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresOwnScenarioTests(PostgresAppFixture fixture) : OwnScenarioTests(fixture);
