using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The coverage page (map, chart, tables, norms form) and the national overview in a browser: axe-clean, keyboard-usable.</summary>
public sealed class CoverageTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_reads_the_coverage_and_changes_the_norm_distance()
    {
        const string gemeente = "GM0344"; // Utrecht, with the demo noodsteunpunten
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/noodsteunpunten", "noodsteunpunten");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Dekking: welke inwoners wonen te ver van een noodsteunpunt?" }), "dekking");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dekking noodsteunpunten Utrecht");

        // Without tiles the map draws the buurten (circles) and the noodsteunpunten (squares); the table holds the same.
        var map = page.Locator("#dekking-kaart");
        await Expect(map).ToHaveClassAsync(new Regex("leaflet-container"));
        Assert.True(await map.Locator("path.leaflet-interactive").CountAsync() >= 50, "Geen buurten op de kaart.");
        Assert.True(await map.Locator(".site-map-square").CountAsync() >= 1, "Geen noodsteunpunten op de kaart.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Inwoners en buurten per afstandsklasse" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bron: CBS", new() { Exact = false }).First).ToBeVisibleAsync();

        var normafstand = page.GetByLabel("Normafstand (meter)");
        await normafstand.FillAsync("1500");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Normen opslaan" }), "dekking-normen-opgeslagen");
        await Expect(page.GetByText("De normen zijn opgeslagen; de cijfers hieronder gebruiken ze.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Normafstand (meter)")).ToHaveValueAsync("1500");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Standaardwaarden terugzetten" }), "dekking-normen-standaard");
        await Expect(page.GetByLabel("Normafstand (meter)")).ToHaveValueAsync("1000");
    }

    [Fact]
    public async Task A_national_role_sorts_and_filters_the_overview()
    {
        var browser = await LogInAsync(TestUser.Admin, "/noodsteunpunten", "noodsteunpunten-overzicht");
        var page = browser.Page;
        var table = page.GetByRole(AriaRole.Table, new() { Name = "342 gemeenten", Exact = false });
        await Expect(table).ToBeVisibleAsync();
        await browser.FollowAsync(table.GetByRole(AriaRole.Link, new() { Name = "Ontbrekend", Exact = false }), "noodsteunpunten-overzicht-gesorteerd");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Ontbrekend", Exact = false })).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.GetByLabel("Veiligheidsregio").SelectOptionAsync(new SelectOptionValue { Label = "Utrecht" });
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }), "noodsteunpunten-overzicht-regio");
        await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^26 gemeenten") })).ToBeVisibleAsync(); // veiligheidsregio Utrecht
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dit overzicht downloaden (CSV)" })).ToHaveAttributeAsync("href", new Regex("export\\.csv\\?veiligheidsregio=VR09"));
    }
}
