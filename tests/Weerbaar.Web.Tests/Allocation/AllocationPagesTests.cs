using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Allocation;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Allocation;

/// <summary>The plan page (form, Dutch errors per field, version conflict without loss, scenario) and the run page.</summary>
public abstract class AllocationPagesTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private const string Nuenen = "GM0820";

    private async Task<Guid> PointAsync(string gemeente) => await App.WithDbAsync(async db =>
    {
        if (await db.Noodsteunpunten.Where(n => n.GemeenteCode == gemeente).Select(n => (Guid?)n.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var prefix = "BU" + gemeente[2..];
        var at = await db.BuurtPoints.Where(p => p.BuurtCode.StartsWith(prefix)).OrderBy(p => p.BuurtCode).FirstAsync();
        var point = new Noodsteunpunt { GemeenteCode = gemeente, Name = "Dorpshuis (test)", Latitude = at.Latitude, Longitude = at.Longitude, UpdatedBy = "test" };
        db.Noodsteunpunten.Add(point);
        await db.SaveChangesAsync();
        return point.Id;
    });

    private Task<AllocationPlan?> StoredAsync(string gemeente)
        => App.WithDbAsync(db => db.AllocationPlans.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.GemeenteCode == gemeente));

    [Fact]
    public async Task The_plan_form_refuses_bad_values_per_field_saves_good_ones_and_keeps_input_on_a_conflict()
    {
        var point = await PointAsync(Nuenen);
        var coordinator = await App.UserAsync(Roles.Coordinator, Nuenen);
        var url = $"/gemeenten/{Nuenen}/schaarste";
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(url));
        Assert.Contains("Verdeelplan schaarse middelen Nuenen", html, StringComparison.Ordinal);
        Assert.Contains($"for=\"voorraad-drinkwater-{point}\"", html, StringComparison.Ordinal);
        Assert.Contains("3 liter drinkwater per persoon per dag", html, StringComparison.Ordinal);
        Assert.Contains("Aanname", html, StringComparison.Ordinal);

        var wrong = await HtmlForms.PostFormAsync(coordinator, url, "plan", new List<KeyValuePair<string, string>>
        {
            new("hulpmiddel", "drinkwater"), new($"voorraad-drinkwater-{point}", "veel"), new($"levering-drinkwater-{point}", "1; x"),
            new("tier-overig", "0"), new("periodes", "13"), new("minimum", "150"), new("actie", "opslaan"),
        });
        var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Het verdeelplan is niet opgeslagen:", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("moet een getal zijn (niet ‘veel’)", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("gescheiden door een puntkomma (niet ‘x’)", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("De prioriteit van overige inwoners moet een geheel getal van 1", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("van 1 tot en met 12", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("Het minimumniveau moet van 0 % tot en met 100 % zijn.", wrongHtml, StringComparison.Ordinal);
        Assert.Contains($"id=\"voorraad-drinkwater-{point}-fout\"", wrongHtml, StringComparison.Ordinal); // next to the field too
        Assert.Contains("value=\"veel\"", wrongHtml, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(Nuenen));

        var saved = await HtmlForms.PostFormAsync(coordinator, url, "plan", new List<KeyValuePair<string, string>>
        {
            new("hulpmiddel", "drinkwater"), new("hulpmiddel", "maaltijden"), new($"voorraad-drinkwater-{point}", "1.500"),
            new($"levering-drinkwater-{point}", "0; 250,5"), new("periodes", "12"), new("beleid", "naar-rato"), new("minimum", "10"),
            new("afstand", "2.500"), new("doorschuiven", "ja"), new("tier-jonge-kinderen", "3"), new("behoefte-zorgafhankelijk-drinkwater", "1,25"), new("actie", "opslaan"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = JsonSerializer.Deserialize<AllocationPlanSettings>((await StoredAsync(Nuenen))!.SettingsJson, JsonSerializerOptions.Web)!;
        Assert.Equal(("naar-rato", 0.1, 2500.0, true), (stored.Policy, stored.MinimumServiceLevel, stored.MaxDistanceMeters, stored.CarryOver));
        Assert.Equal(["drinkwater", "maaltijden"], stored.Resources.Select(r => r.Code));
        var water = stored.Resources[0].Stock.Single();
        Assert.Equal((point, 1500.0), (water.Point, water.Initial));
        Assert.Equal([0, 250.5], water.Deliveries);
        Assert.Equal(3, stored.Groups.Single(g => g.Code == "jonge-kinderen").Tier);
        Assert.Equal(1.25, stored.Groups.Single(g => g.Code == "zorgafhankelijk").Need["drinkwater"]);

        // Someone else saved version 1 meanwhile: a form still on version 0 is refused, its values stay in the form.
        var stale = await HtmlForms.PostFormAsync(coordinator, url, "plan", new List<KeyValuePair<string, string>>
        {
            new("versie", "0"), new("hulpmiddel", "drinkwater"), new($"voorraad-drinkwater-{point}", "777"), new("actie", "opslaan"),
        });
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("heeft het verdeelplan intussen ook gewijzigd", staleHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"777\"", staleHtml, StringComparison.Ordinal);
        Assert.Equal(1, (await StoredAsync(Nuenen))!.Version);

        // Applying a scenario fills the form, it does not save.
        var scenario = await HtmlForms.PostFormAsync(coordinator, url, "plan", new List<KeyValuePair<string, string>>
        {
            new("scenario", "langdurige-stroomuitval"), new("actie", "scenario"),
        });
        var scenarioHtml = WebUtility.HtmlDecode(await scenario.Content.ReadAsStringAsync());
        Assert.Contains("is toegepast", scenarioHtml, StringComparison.Ordinal);
        Assert.Contains($"for=\"voorraad-stroom-{point}\"", scenarioHtml, StringComparison.Ordinal);
        Assert.Equal(1, (await StoredAsync(Nuenen))!.Version);

        var lezer = await App.UserAsync(Roles.Lezer, Nuenen);
        Assert.DoesNotContain("value=\"opslaan\"", await lezer.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_page_shows_the_outcome_the_explanations_and_the_comparison()
    {
        const string g = "GM0798"; // Hardinxveld-Giessendam
        var point = await PointAsync(g);
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/v1/gemeenten/{g}/allocation-plan", new
        {
            resources = new[] { new { code = "drinkwater", stock = new[] { new { point = point.ToString(), initial = 3000.0 } } } },
        })).StatusCode);
        var url = $"/gemeenten/{g}/schaarste/verdeling";
        var before = WebUtility.HtmlDecode(await coordinator.GetStringAsync(url));
        Assert.Contains("Verdeling berekenen", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Beleidsregels naast elkaar", before, StringComparison.Ordinal);

        var api = await (await coordinator.GetAsync($"/api/v1/gemeenten/{g}/allocation")).Content.ReadFromJsonAsync<JsonElement>();
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(url + "?bereken=ja"));
        Assert.Contains(api.GetProperty("message").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("Beleidsregels naast elkaar", html, StringComparison.Ordinal);
        Assert.Contains("Gini", html, StringComparison.Ordinal);
        Assert.Contains("Tekort tier 4", html, StringComparison.Ordinal);
        Assert.Contains("Bron: CBS", html, StringComparison.Ordinal);
        Assert.Contains("0–6 uur", html, StringComparison.Ordinal);

        var cell = api.GetProperty("cells").EnumerateArray().First(c => c.GetProperty("need").GetDouble() > 0);
        var buurt = cell.GetProperty("buurtcode").GetString()!;
        var detail = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{url}?bereken=ja&buurt={buurt}"));
        Assert.Contains("id=\"buurt-detail\"", detail, StringComparison.Ordinal);
        Assert.Contains(cell.GetProperty("explanation").GetString()!, detail, StringComparison.Ordinal);

        var sorted = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{url}?bereken=ja&sorteer=-inwoners"));
        Assert.Contains("aria-sort=\"descending\"", sorted, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAllocationPagesTests(SqliteAppFixture fixture) : AllocationPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAllocationPagesTests(PostgresAppFixture fixture) : AllocationPagesTests(fixture);
