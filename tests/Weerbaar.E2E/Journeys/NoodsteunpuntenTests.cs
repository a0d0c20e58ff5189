using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>A coordinator places a new noodsteunpunt by clicking the map, fills in its details and finds it in the table.</summary>
public sealed partial class NoodsteunpuntenTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_adds_a_noodsteunpunt_by_clicking_the_map_and_sees_it_in_the_table()
    {
        const string gemeente = "GM0355"; // Zeist
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/noodsteunpunten", "noodsteunpunten");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Noodsteunpunten Zeist");

        // The map (no background tiles here) fills in the coordinates on a click.
        var map = page.GetByRole(AriaRole.Region, new() { Name = "Kaart van Zeist om het noodsteunpunt te plaatsen" });
        await Expect(map).ToHaveClassAsync(new Regex("leaflet-container"));
        var latitude = page.GetByLabel("Breedtegraad (niet verplicht)");
        var longitude = page.GetByLabel("Lengtegraad (niet verplicht)");
        await Expect(latitude).ToHaveValueAsync("");
        await map.ClickAsync();
        await Expect(latitude).ToHaveValueAsync(Coordinate());
        await Expect(longitude).ToHaveValueAsync(Coordinate());
        await Expect(page.Locator("#plaats-kaart-melding")).ToContainTextAsync("Coördinaten ingevuld: breedtegraad");
        var (lat, lon) = (double.Parse(await latitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(await longitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture));
        // Zeist lies around 52.09 N, 5.23 E.
        Assert.InRange(lat, 52.0, 52.2);
        Assert.InRange(lon, 5.1, 5.4);
        await browser.CheckPageAsync("noodsteunpunten-kaart-geklikt");

        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Dorpshuis Austerlitz");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("gereed");
        await page.GetByLabel("Gebouwtype (niet verplicht)").SelectOptionAsync("buurthuis");
        await page.GetByLabel("Capaciteit (niet verplicht)").FillAsync("90");
        await page.GetByLabel("Noodstroom", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Uren noodstroom (niet verplicht)").FillAsync("24");
        await page.GetByLabel("Drinkwater", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Noodradio of portofoon").CheckAsync();
        await page.GetByLabel("Vrijwilligers (niet verplicht)").FillAsync("8");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }), "noodsteunpunt-opgeslagen");

        await Expect(page.GetByText("Het noodsteunpunt is opgeslagen.")).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "1 noodsteunpunten (0 gepland, 1 gereed, 0 actief)", Exact = false });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dorpshuis Austerlitz" });
        foreach (var text in new[] { "Gereed", "Buurthuis of wijkcentrum", "90", "ja, 24 uur", "drinkwater", "noodradio", "8 vrijwilligers" })
        {
            await Expect(row).ToContainTextAsync(text);
        }

        // The saved point keeps the clicked coordinates.
        await browser.FollowAsync(row.GetByRole(AriaRole.Link, new() { Name = "Bewerken" }), "noodsteunpunt-bewerken");
        await Expect(page.GetByLabel("Breedtegraad (niet verplicht)")).ToHaveValueAsync(lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByLabel("Lengtegraad (niet verplicht)")).ToHaveValueAsync(lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\d{1,2}\.\d{5}$")]
    private static partial Regex Coordinate();
}
