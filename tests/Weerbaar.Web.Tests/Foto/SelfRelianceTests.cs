using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Foto;

/// <summary>The "niet 72 uur zelfredzaam" estimate over HTTP: CBS counts, the register, the gemeente's own assumptions.</summary>
public abstract class SelfRelianceTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private async Task<Buurt> LargestBuurtAsync(string gemeente)
        => await App.WithDbAsync(db => db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente && b.Age65Plus != null)
            .OrderByDescending(b => b.Residents).FirstAsync());

    private static JsonElement BuurtOf(JsonElement body, string code)
        => body.GetProperty("buurten").EnumerateArray().Single(b => b.GetProperty("buurtcode").GetString() == code);

    [Fact]
    public async Task Defaults_give_the_documented_formula_per_buurt()
    {
        var buurt = await LargestBuurtAsync("GM0200");
        var lezer = await App.UserAsync(Roles.Lezer, "GM0200");
        var body = await lezer.GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0200/self-reliance");

        // Defaults: 46% of 65+ are 75+, 42% of them alone, 30% of those, 5% of other 65+, 2% of under-65s.
        double r = buurt.Residents!.Value, o = buurt.Age65Plus!.Value;
        var alone = o * 0.46 * 0.42;
        var expected = alone * 0.30 + (o - alone) * 0.05 + (r - o) * 0.02;
        var row = BuurtOf(body, buurt.Code);
        Assert.Equal(alone, row.GetProperty("older75Alone").GetDouble(), 9);
        Assert.Equal((int)Math.Round(expected, MidpointRounding.AwayFromZero), row.GetProperty("estimate").GetInt32());
        Assert.StartsWith($"{buurt.Name}: naar schatting ", row.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Contains("alleenwonende 75-plussers", row.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, body.GetProperty("assumptions").GetArrayLength());
        Assert.Contains("CBS", body.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_counts_for_the_gemeente_and_its_region_but_not_for_national_roles()
    {
        var buurt = await LargestBuurtAsync("GM0202");
        await App.WithDbAsync(async db =>
        {
            db.VulnerableLocations.Add(new VulnerableLocation
            {
                GemeenteCode = "GM0202",
                Category = "thuisdialyse",
                Name = "Thuisdialyse (test)",
                People = 7,
                BuurtCode = buurt.Code,
                UpdatedBy = "test",
            });
            db.VulnerableLocations.Add(new VulnerableLocation
            {
                GemeenteCode = "GM0202",
                Category = "verpleeghuis",
                Name = "Verpleeghuis (test)",
                People = 40,
                BuurtCode = buurt.Code,
                HoursWithoutPower = 12,
                HoursWithoutWater = 200,
                UpdatedBy = "test",
            });
            return await db.SaveChangesAsync();
        });
        var regio = App.Services.GetRequiredService<ReferenceData>().Gemeente("GM0202")!.VeiligheidsregioCode;

        var own = BuurtOf(await (await App.UserAsync(Roles.Coordinator, "GM0202")).GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0202/self-reliance"), buurt.Code);
        Assert.Equal(7, own.GetProperty("atHomeDependent").GetInt32());
        Assert.Equal(40, own.GetProperty("inInstitutions").GetInt32());
        Assert.Contains("7 thuis afhankelijk van dialyse of beademing", own.GetProperty("sentence").GetString(), StringComparison.Ordinal);

        var region = await (await App.UserAsync(Roles.Regio, regio: regio)).GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0202/self-reliance");
        Assert.True(region.GetProperty("registerCounted").GetBoolean());
        Assert.Equal(40, BuurtOf(region, buurt.Code).GetProperty("inInstitutions").GetInt32());

        var national = await (await App.UserAsync(Roles.Onderzoeker)).GetFromJsonAsync<JsonElement>("/api/v1/gemeenten/GM0202/self-reliance");
        Assert.False(national.GetProperty("registerCounted").GetBoolean());
        Assert.Equal(0, BuurtOf(national, buurt.Code).GetProperty("inInstitutions").GetInt32());
        Assert.Contains("telt hier niet mee", national.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_changes_assumptions_with_every_error_listed_and_no_unseen_overwrite()
    {
        var buurt = await LargestBuurtAsync("GM0203");
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0203");
        const string url = "/api/v1/gemeenten/GM0203/self-reliance/assumptions";

        var invalid = await coordinator.PutAsJsonAsync(url, new { version = 0, values = new Dictionary<string, double?> { ["shareAloneOf75Plus"] = 1.5, ["institutionHours"] = 7.5, ["onbekend"] = 1 } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetArrayLength());
        Assert.False(await App.WithDbAsync(db => db.SelfRelianceAssumptions.IgnoreQueryFilters().AnyAsync(a => a.GemeenteCode == "GM0203")));

        // Everyone counts: the estimate becomes residents minus nothing = all residents (capped).
        var all = new Dictionary<string, double?> { ["shareNotReliantOfOtherOlder"] = 1, ["shareNotReliantUnder65"] = 1, ["shareNotReliantOf75PlusAlone"] = 1 };
        var saved = await coordinator.PutAsJsonAsync(url, new { version = 0, values = all });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("assumptionsVersion").GetInt32());
        Assert.Equal(buurt.Residents, BuurtOf(body, buurt.Code).GetProperty("estimate").GetInt32());

        var stale = await coordinator.PutAsJsonAsync(url, new { version = 0, values = new Dictionary<string, double?> { ["shareNotReliantUnder65"] = 0 } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("1", await App.WithDbAsync(db => db.SelfRelianceAssumptions.IgnoreQueryFilters().Where(a => a.GemeenteCode == "GM0203").Select(a => a.Values["shareNotReliantUnder65"]).SingleAsync()));

        var reset = await coordinator.PutAsJsonAsync(url, new { version = 1, reset = true });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.All((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assumptions").EnumerateArray(),
            a => Assert.Equal(a.GetProperty("default").GetDouble(), a.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Only_the_own_coordinator_changes_assumptions_and_other_gemeenten_see_nothing()
    {
        var body = new { values = new Dictionary<string, double?> { ["shareNotReliantUnder65"] = 0.1 } };
        var lezer = await App.UserAsync(Roles.Lezer, "GM0209");
        Assert.Equal(HttpStatusCode.Forbidden, (await lezer.PutAsJsonAsync("/api/v1/gemeenten/GM0209/self-reliance/assumptions", body)).StatusCode);
        var other = await App.UserAsync(Roles.Coordinator, "GM0213");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/gemeenten/GM0209/self-reliance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/v1/gemeenten/GM0209/self-reliance/assumptions", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/gemeenten/GM0209/zelfredzaamheid")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_sentences_and_its_form_saves_in_dutch_percentages()
    {
        var buurt = await LargestBuurtAsync("GM0214");
        var coordinator = await App.UserAsync(Roles.Coordinator, "GM0214");
        const string url = "/gemeenten/GM0214/zelfredzaamheid";
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(url));
        Assert.Contains($"{buurt.Name}: naar schatting", html, StringComparison.Ordinal);
        Assert.Contains("Bron: CBS", html, StringComparison.Ordinal);

        var wrong = await HtmlForms.PostFormAsync(coordinator, url, "aannames", new Dictionary<string, string>
        {
            ["versie"] = "0",
            ["actie"] = "opslaan",
            ["share75PlusOf65Plus"] = "veel",
            ["shareAloneOf75Plus"] = "42",
            ["shareNotReliantOf75PlusAlone"] = "30",
            ["shareNotReliantOfOtherOlder"] = "5",
            ["shareNotReliantUnder65"] = "2",
            ["institutionHours"] = "72",
        });
        Assert.Contains("‘veel’ is geen getal", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var saved = await HtmlForms.PostFormAsync(coordinator, url, "aannames", new Dictionary<string, string>
        {
            ["versie"] = "0",
            ["actie"] = "opslaan",
            ["share75PlusOf65Plus"] = "50",
            ["shareAloneOf75Plus"] = "42,5",
            ["shareNotReliantOf75PlusAlone"] = "30",
            ["shareNotReliantOfOtherOlder"] = "5",
            ["shareNotReliantUnder65"] = "2",
            ["institutionHours"] = "48",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await App.WithDbAsync(db => db.SelfRelianceAssumptions.IgnoreQueryFilters().SingleAsync(a => a.GemeenteCode == "GM0214"));
        Assert.Equal("0.425", stored.Values["shareAloneOf75Plus"]);
        Assert.Equal("48", stored.Values["institutionHours"]);

        var lezerHtml = WebUtility.HtmlDecode(await (await App.UserAsync(Roles.Lezer, "GM0214")).GetStringAsync(url));
        Assert.DoesNotContain("Aannames opslaan", lezerHtml, StringComparison.Ordinal);
        Assert.Contains("42,5%", lezerHtml, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSelfRelianceTests(SqliteAppFixture fixture) : SelfRelianceTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSelfRelianceTests(PostgresAppFixture fixture) : SelfRelianceTests(fixture);
