using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// A coordinator starts a siting run in the browser, watches it finish (the page polls and reloads by itself), reads
/// the result on the map and in the tables, and saves it as a scenario: every page axe-clean.
/// </summary>
public sealed class SitingTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_runs_a_siting_and_saves_the_result_as_a_scenario()
    {
        const string gemeente = "GM1904"; // Stichtse Vecht
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/noodsteunpunten/locatiekeuze", "locatiekeuze");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Locatiekeuze noodsteunpunten Stichtse Vecht");

        await page.GetByLabel("Maximale dekking").CheckAsync();
        await page.GetByLabel("Aantal nieuwe noodsteunpunten (k, hoogstens)").FillAsync("3");
        await page.GetByLabel("Elk buurtpunt", new() { Exact = false }).CheckAsync();
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Berekening starten" }), "locatiekeuze-gestart");

        // The app's own worker runs the job; job-poll.js reloads the page when it starts running and when it is done.
        await WaitForResultAsync(browser, page.GetByRole(AriaRole.Heading, new() { Name = "Uitkomst" }), "locatiekeuze");
        await Expect(page.GetByText("Optimaal (bewezen)", new() { Exact = false }).First).ToBeVisibleAsync();

        // Without tiles the map still draws: buurten, and the optimum's new sites as orange squares; layers switch with the keyboard.
        var map = page.Locator("#locatiekeuze-kaart");
        Assert.True(await map.Locator("path.leaflet-interactive").CountAsync() >= 10, "Geen buurten op de kaart.");
        await Expect(map.Locator(".site-map-square--optimal")).ToHaveCountAsync(3);
        var optimum = map.GetByRole(AriaRole.Checkbox, new() { Name = "Optimum: nieuwe locaties" });
        await optimum.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(map.Locator(".site-map-square--optimal")).ToHaveCountAsync(0);

        // The table alternative lists the same new sites.
        var table = page.GetByRole(AriaRole.Table, new() { Name = "3 nieuwe locaties in het optimum", Exact = false });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Nieuw: " })).Not.ToHaveCountAsync(0);

        await page.GetByLabel("Naam van het scenario").FillAsync("Drie extra punten");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als scenario" }), "locatiekeuze-scenario");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scenario: Drie extra punten");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "3 locaties overnemen als gepland" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_national_role_runs_the_national_siting_and_reads_it_per_gemeente()
    {
        var browser = await LogInAsync(TestUser.Admin, "/noodsteunpunten", "noodsteunpunten-overzicht");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Landelijke locatiekeuze", Exact = false }), "landelijke-locatiekeuze");
        await Expect(page.GetByLabel("Kwetsbare inwoners tellen dubbel")).ToHaveCountAsync(0);
        await page.GetByLabel("Aantal nieuwe noodsteunpunten (k, hoogstens)").FillAsync("50");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Berekening starten" }), "landelijke-locatiekeuze-gestart");

        await WaitForResultAsync(browser, page.GetByRole(AriaRole.Heading, new() { Name = "Per gemeente" }), "landelijke-locatiekeuze");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Per gemeente: nieuwe locaties", Exact = false });
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(343);
        // Thousands of buurten: the map draws on a canvas.
        await Expect(page.Locator("#locatiekeuze-kaart canvas")).Not.ToHaveCountAsync(0);
    }

    /// <summary>
    /// Follows the run page through its reloads (queued → running → done), checking each document it shows, until
    /// <paramref name="result"/> is there.
    /// </summary>
    private static async Task WaitForResultAsync(BrowserSession browser, ILocator result, string name)
    {
        var page = browser.Page;
        var running = page.Locator("section.site-job[data-job-status='running']");
        await Expect(running.Or(result)).ToBeVisibleAsync(new() { Timeout = 90_000 });
        if (!await result.IsVisibleAsync())
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            await browser.CheckPageAsync(name + "-bezig");
            await Expect(result).ToBeVisibleAsync(new() { Timeout = 90_000 });
        }
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.CheckPageAsync(name + "-resultaat");
    }
}
