using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;
using static Weerbaar.Web.Tests.Locations.RegisterFiles;

namespace Weerbaar.Web.Tests.Locations;

/// <summary>The register pages: the coordinator's forms and import, and what everybody else sees (or does not).</summary>
public abstract class RegisterPagesTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;

    private static string Page(string gemeente) => $"/gemeenten/{gemeente}/kwetsbare-locaties";

    private static async Task<List<JsonElement>> ApiListAsync(HttpClient client, string gemeente, string register = "vulnerable-locations")
        => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/gemeenten/{gemeente}/{register}")).EnumerateArray().ToList();

    [Fact]
    public async Task The_coordinator_adds_edits_and_deletes_a_location_with_the_form()
    {
        const string g = "GM0327"; // Leusden
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var page = await coordinator.GetAsync(Page(g));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Kwetsbare locaties Leusden", html, StringComparison.Ordinal);
        Assert.Contains("alleen Leusden en (alleen lezen) veiligheidsregio Utrecht", html, StringComparison.Ordinal);
        Assert.Equal(["locatie", "importeren"], HtmlForms.PostFormHandlers(html).Where(f => f != "/uitloggen"));

        var buurt = await BuurtAsync(App, g);
        var refused = await HtmlForms.PostFormAsync(coordinator, Page(g), "locatie", [new("categorie", "thuisdialyse"), new("naam", "Dialyse Leusden"),
            new("adres", "Hessenweg 1"), new("aantal_personen", "3")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("zonder adres, postcode, coördinaten of contactpersoon", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/gemeenten/GM0327/kwetsbare-locaties#adres\"", refusedHtml, StringComparison.Ordinal);
        Assert.Empty(await ApiListAsync(coordinator, g));

        var added = await HtmlForms.PostFormAsync(coordinator, Page(g), "locatie", [new("categorie", "verpleeghuis"), new("naam", "Zorgcentrum De Biezen"),
            new("postcode", "3832ab"), new("buurtcode", buurt), new("breedtegraad", "52,13"), new("lengtegraad", "5,43"), new("aantal_personen", "64"),
            new("uren_zonder_stroom", "6"), new("afhankelijk_van", "stroom"), new("afhankelijk_van", "zorgpersoneel")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.EndsWith("?melding=opgeslagen", added.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var location = Assert.Single(await ApiListAsync(coordinator, g));
        Assert.Equal(("3832 AB", 52.13, 64, 6), (location.GetProperty("postcode").GetString(), location.GetProperty("latitude").GetDouble(),
            location.GetProperty("people").GetInt32(), location.GetProperty("hoursWithoutPower").GetInt32()));
        Assert.Equal(["stroom", "zorgpersoneel"], location.GetProperty("dependencies").EnumerateArray().Select(d => d.GetString()));

        var listed = await coordinator.GetStringAsync(Page(g));
        Assert.Contains("Zorgcentrum De Biezen", listed, StringComparison.Ordinal);
        Assert.Contains("Stroom, Zorgpersoneel", listed, StringComparison.Ordinal);

        var id = location.GetProperty("id").GetGuid();
        var editUrl = $"{Page(g)}?bewerken={id}";
        Assert.Contains("value=\"Zorgcentrum De Biezen\"", await coordinator.GetStringAsync(editUrl), StringComparison.Ordinal);
        var edited = await HtmlForms.PostFormAsync(coordinator, editUrl, "locatie", [new("categorie", "verpleeghuis"), new("naam", "Zorgcentrum De Biezen"), new("aantal_personen", "70")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(70, Assert.Single(await ApiListAsync(coordinator, g)).GetProperty("people").GetInt32());

        var deleted = await HtmlForms.PostFormAsync(coordinator, editUrl, "verwijderen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await ApiListAsync(coordinator, g));
    }

    [Fact]
    public async Task The_page_import_shows_every_error_and_then_takes_a_good_file()
    {
        const string g = "GM0331"; // Lopik
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var bad = LocationsFile(Row("school", "School", postcode: "ABCD 12"), Row("thuisbeademing", "Beademing", people: "0", contactName: "Piet"));
        var refused = await HtmlForms.PostFileAsync(coordinator, Page(g), "importeren", "bestand", "locaties.csv", Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Het bestand bevat 3 fout(en); er is niets opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("<caption class=\"utrecht-table__caption\" id=\"importfouten\">Fouten in het bestand", html, StringComparison.Ordinal);
        Assert.Contains("aantal_personen", html, StringComparison.Ordinal);
        Assert.Contains("contact_naam", html, StringComparison.Ordinal);
        Assert.Empty(await ApiListAsync(coordinator, g));

        var good = LocationsFile(Row("school", "School", postcode: "3411 AB", people: "210"), Row("thuisbeademing", "Beademing Lopik", people: "2"));
        var imported = await HtmlForms.PostFileAsync(coordinator, Page(g), "importeren", "bestand", "locaties.csv", Encoding.UTF8.GetBytes(good));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("melding=geimporteerd&aantal=2", imported.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var listed = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page(g) + "?melding=geimporteerd&aantal=2&verwijderd=0"));
        Assert.Contains("2 locaties geïmporteerd.", listed, StringComparison.Ordinal);
        Assert.Contains("Thuisbeademing (geaggregeerd aantal)", listed, StringComparison.Ordinal);
        Assert.Contains("212", listed, StringComparison.Ordinal); // total people
    }

    [Fact]
    public async Task Readers_see_the_register_without_forms_and_others_are_refused()
    {
        const string g = "GM0335"; // Montfoort
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/gemeenten/{g}/vulnerable-locations/import", Csv(LocationsFile(Row("ziekenhuis", "Geheim ziekenhuis Montfoort", people: "5"))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/gemeenten/{g}/noodsteunpunten/import", Csv(PointsFile(Point("Dorpshuis Montfoort", capacity: "40", power: "ja"))))).StatusCode);

        foreach (var reader in new[] { await App.UserAsync(Roles.Lezer, g), await App.UserAsync(Roles.Regio, regio: "VR09") })
        {
            var html = await reader.GetStringAsync(Page(g));
            Assert.Contains("Geheim ziekenhuis Montfoort", html, StringComparison.Ordinal);
            Assert.DoesNotContain(HtmlForms.PostFormHandlers(html), f => f != "/uitloggen");
            var points = await reader.GetStringAsync($"/gemeenten/{g}/noodsteunpunten");
            Assert.Contains("Dorpshuis Montfoort", points, StringComparison.Ordinal);
            Assert.DoesNotContain(HtmlForms.PostFormHandlers(points), f => f != "/uitloggen");
        }
        foreach (var outsider in new[] { await App.UserAsync(Roles.Coordinator, "GM0014"), await App.AdminAsync(), await App.UserAsync(Roles.Onderzoeker) })
        {
            var response = await outsider.GetAsync(Page(g));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Geheim ziekenhuis", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // National roles read noodsteunpunten; the beheerder may also edit them (as all gemeente data).
        Assert.Contains("Dorpshuis Montfoort", await (await App.UserAsync(Roles.Onderzoeker)).GetStringAsync($"/gemeenten/{g}/noodsteunpunten"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.UserAsync(Roles.Coordinator, "GM0014")).GetAsync($"/gemeenten/{g}/noodsteunpunten")).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_adds_a_noodsteunpunt_with_the_form()
    {
        const string g = "GM0339"; // Renswoude
        var page = $"/gemeenten/{g}/noodsteunpunten";
        var coordinator = await App.UserAsync(Roles.Coordinator, g);
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(page));
        foreach (var legend in new[] { "Algemeen", "Voorzieningen", "Communicatie", "Bemensing", "Partners en contact" })
        {
            Assert.Contains($"<legend class=\"utrecht-form-fieldset__legend\">{legend}</legend>", html, StringComparison.Ordinal);
        }
        Assert.Contains("<option value=\"gepland\" selected>Gepland</option>", html, StringComparison.Ordinal); // a new point is planned
        Assert.Contains("id=\"plaats-kaart\"", html, StringComparison.Ordinal);
        Assert.Contains("U kunt de coördinaten ook zelf typen.", html, StringComparison.Ordinal);

        var refused = await HtmlForms.PostFormAsync(coordinator, page, "noodsteunpunt",
            [new("naam", "Dorpshuis Renswoude"), new("status", "gereed"), new("diensten_per_dag", "30"), new("noodstroom_uren", "12")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"{page}#noodstroom_uren\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}#diensten_per_dag\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"gereed\" selected>Gereed</option>", refusedHtml, StringComparison.Ordinal); // kept as typed
        Assert.Empty(await ApiListAsync(coordinator, g, "noodsteunpunten"));

        var added = await HtmlForms.PostFormAsync(coordinator, page, "noodsteunpunt",
            [new("naam", "Dorpshuis Renswoude"), new("status", "actief"), new("gebouwtype", "buurthuis"), new("capaciteit", "120"), new("noodstroom", "ja"),
             new("noodstroom_uren", "36"), new("drinkwater", "ja"), new("ehbo", "ja"), new("c2000", "ja"), new("medewerkers", "2"), new("vrijwilligers", "9"),
             new("diensten_per_dag", "3"), new("openingsregeling", "Binnen 2 uur open"), new("contact_email", "dorpshuis@example.nl")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var point = Assert.Single(await ApiListAsync(coordinator, g, "noodsteunpunten"));
        Assert.Equal((120, true, 36, "actief", "buurthuis"), (point.GetProperty("capacity").GetInt32(), point.GetProperty("hasBackupPower").GetBoolean(),
            point.GetProperty("backupPowerHours").GetInt32(), point.GetProperty("status").GetString(), point.GetProperty("buildingType").GetString()));
        Assert.Equal((true, true, true, false, false), (point.GetProperty("hasDrinkingWater").GetBoolean(), point.GetProperty("hasFirstAid").GetBoolean(),
            point.GetProperty("hasC2000").GetBoolean(), point.GetProperty("hasHeating").GetBoolean(), point.GetProperty("hasSatellite").GetBoolean()));
        var listed = WebUtility.HtmlDecode(await coordinator.GetStringAsync(page));
        Assert.Contains("Dorpshuis Renswoude", listed, StringComparison.Ordinal);
        Assert.Contains("1 noodsteunpunten (0 gepland, 0 gereed, 1 actief)", listed, StringComparison.Ordinal);
        foreach (var cell in new[] { ">Actief<", ">Buurthuis of wijkcentrum<", ">ja, 36 uur<", ">drinkwater, EHBO<", ">C2000<", ">2 medewerkers, 9 vrijwilligers, 3 diensten per dag<" })
        {
            Assert.Contains(cell, listed, StringComparison.Ordinal);
        }

        // Editing shows the stored values; unticking a checkbox makes it nee.
        var id = point.GetProperty("id").GetGuid();
        var edit = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"{page}?bewerken={id}"));
        Assert.Contains("<option value=\"actief\" selected>Actief</option>", edit, StringComparison.Ordinal);
        Assert.Matches("id=\"drinkwater\"[^>]*checked", edit);
        var edited = await HtmlForms.PostFormAsync(coordinator, $"{page}?bewerken={id}", "noodsteunpunt",
            [new("naam", "Dorpshuis Renswoude"), new("status", "gereed"), new("noodstroom", "ja")]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        point = Assert.Single(await ApiListAsync(coordinator, g, "noodsteunpunten"));
        Assert.Equal(("gereed", false, JsonValueKind.Null), (point.GetProperty("status").GetString(), point.GetProperty("hasDrinkingWater").GetBoolean(),
            point.GetProperty("backupPowerHours").ValueKind));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRegisterPagesTests(SqliteAppFixture fixture) : RegisterPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRegisterPagesTests(PostgresAppFixture fixture) : RegisterPagesTests(fixture);
