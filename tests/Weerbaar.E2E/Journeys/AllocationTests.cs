using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The allocation plan and run in a browser: a coordinator picks a scenario, sets stock, saves, runs and reads the comparison.</summary>
public sealed class AllocationTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_sets_a_plan_runs_it_and_reads_the_comparison()
    {
        const string gemeente = "GM0344"; // Utrecht, with the demo noodsteunpunten
        await Fixture.EnsureFotoDataAsync();
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/schaarste", "schaarste");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verdeelplan schaarse middelen Utrecht");

        await page.GetByLabel("Crisisscenario").SelectOptionAsync("langdurige-stroomuitval");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Scenario toepassen" }), "schaarste-scenario");
        await Expect(page.GetByText("is toegepast", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Aantal periodes van 6 uur")).ToHaveValueAsync("12");

        await page.GetByLabel("Voorraad drinkwater bij", new() { Exact = false }).First.FillAsync("5000");
        await page.GetByLabel("Leveringen drinkwater bij", new() { Exact = false }).First.FillAsync("0; 1000; 0; 1000");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Plan opslaan" }), "schaarste-opgeslagen");
        await Expect(page.GetByText("Het verdeelplan is opgeslagen", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Voorraad drinkwater bij", new() { Exact = false }).First).ToHaveValueAsync("5000");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Naar de verdeling: berekenen en beleidsregels vergelijken" }), "verdeling");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Verdeling berekenen" }), "verdeling-berekend");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beleidsregels naast elkaar" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Drinkwater (liter): tekort per tier en Gini per beleidsregel" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Bron: CBS", new() { Exact = false }).First).ToBeVisibleAsync();

        var buurten = page.GetByRole(AriaRole.Table, new() { Name = "buurten met een locatie", Exact = false });
        await browser.FollowAsync(buurten.Locator("tbody").GetByRole(AriaRole.Link).First, "verdeling-buurt");
        await Expect(page.Locator("#buurt-detail")).ToBeVisibleAsync();
    }
}
