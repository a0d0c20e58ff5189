using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The foto of Utrecht: from the gemeente page to the map with its layers, legend and table view.</summary>
public sealed class FotoTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_opens_the_foto_with_a_classed_map_layers_a_legend_and_tables()
    {
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator("GM0344");
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator);
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn gemeente" }), "mijn-gemeente");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "foto van de gemeente" }), "foto");

        Assert.Equal(browser.Url("/gemeenten/GM0344/foto").ToString(), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Foto van Utrecht");

        // Without tiles (no internet) the map still draws: the outline, three classed buurt polygons, the CBS/Kadaster points of the other buurten, the demo locations and noodsteunpunten.
        var map = page.Locator("#foto-kaart");
        await Expect(map).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("leaflet-container"));
        await Expect(map.Locator(".leaflet-tile")).ToHaveCountAsync(0);
        await Expect(map.Locator("path.buurt-vlak")).ToHaveCountAsync(3);
        Assert.True(await map.Locator("path.buurt-punt").CountAsync() >= 50, "Geen CBS/Kadaster-buurtpunten op de kaart.");
        Assert.True(await map.Locator("path[fill='#01689b']").CountAsync() >= 1, "Geen noodsteunpunten op de kaart.");
        Assert.True(await map.Locator("path[fill='#fff']").CountAsync() >= 1, "Geen kwetsbare locaties op de kaart.");
        var legend = map.Locator(".site-map-legend");
        foreach (var label in new[] { "Laag", "Laag-gemiddeld", "Gemiddeld-hoog", "Hoog", "Kwetsbare locatie", "Noodsteunpunt" })
        {
            await Expect(legend.GetByText(label, new() { Exact = true })).ToBeVisibleAsync();
        }

        // A layer can be switched off with the keyboard.
        var steunpunten = map.GetByRole(AriaRole.Checkbox, new() { Name = "Noodsteunpunten" });
        await steunpunten.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(map.Locator("path[fill='#01689b']")).ToHaveCountAsync(0);

        // The table view holds the same data.
        var buurten = page.GetByRole(AriaRole.Table, new() { Name = "Alle buurten van Utrecht: inwoners, kwetsbaarheid en niet 72 uur zelfredzaam (Bron: CBS)" });
        await Expect(buurten.Locator("tbody tr")).ToHaveCountAsync(109);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Kwetsbare locaties per categorie" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Noodsteunpunten" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("foto-kaart-laag-uit");
    }

    [Fact]
    public async Task Coordinator_adjusts_an_assumption_of_the_72_hour_estimate_and_opens_the_other_foto_pages()
    {
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator("GM0344");
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator);
        var page = browser.Page;
        await browser.GoToAsync("/gemeenten/GM0344/foto", "foto");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Schatting niet 72 uur zelfredzaam en aannames aanpassen" }), "zelfredzaamheid");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Niet 72 uur zelfredzaam in Utrecht");
        var field = page.GetByLabel("Aandeel alleenwonenden onder de 75-plussers (%)");
        await field.FillAsync("veel");
        await field.PressAsync("Enter");
        await browser.CheckPageAsync("zelfredzaamheid-fout");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("‘veel’ is geen getal");
        await field.FillAsync("45,5");
        await field.PressAsync("Enter");
        await browser.CheckPageAsync("zelfredzaamheid-opgeslagen");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("De aannames zijn opgeslagen");
        await Expect(field).ToHaveValueAsync("45,5");

        await browser.GoToAsync("/gemeenten/GM0344/scanpositie", "scanpositie");
        await browser.GoToAsync("/gemeenten/GM0344/noodsteunpunten", "noodsteunpunten");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Noodsteunpunten");
    }

    [Fact]
    public async Task Beheerder_opens_the_index_definition_and_the_buurt_geometry_pages()
    {
        var browser = await LogInAsync(TestUser.Admin);
        var page = browser.Page;
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await browser.FollowAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Kwetsbaarheidsindex" }), "kwetsbaarheidsindex");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kwetsbaarheidsindex");
        await browser.FollowAsync(menu.GetByRole(AriaRole.Link, new() { Name = "Buurtgrenzen" }), "buurtgrenzen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Buurtgrenzen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buurtgrenzen laden" }).PressAsync("Enter");
        await browser.CheckPageAsync("buurtgrenzen-zonder-bestand");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Kies een GeoJSON-bestand.");
    }
}
