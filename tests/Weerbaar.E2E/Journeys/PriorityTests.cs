using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// A coordinator reads which crisis comes first, sets the weights by pairwise comparison, sees the consistency warning
/// and reads how certain the order is: every page axe-clean.
/// </summary>
public sealed class PriorityTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_weighs_the_criteria_and_reads_the_order_with_its_uncertainty()
    {
        const string gemeente = "GM0168"; // Losser
        await Fixture.EnsureRiskAssessmentsAsync(gemeente);
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/afwegingskader/prioriteit", "prioriteit");
        var page = browser.Page;
        var order = page.GetByRole(AriaRole.Table, new() { Name = "beoordeelde scenario's", Exact = false });
        await Expect(order.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hoe zeker is de volgorde?" })).ToBeVisibleAsync();

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Gewichten bekijken of wijzigen" }), "gewichten");
        // Inconsistent judgements: a clear warning, and the weights are kept.
        await page.GetByLabel("Kans tegenover impact").SelectOptionAsync("9");
        await page.GetByLabel("Kans tegenover onvoorbereidheid").SelectOptionAsync("1/9");
        await page.GetByLabel("Impact tegenover onvoorbereidheid").SelectOptionAsync("9");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Vergelijkingen opslaan" }), "gewichten-opgeslagen");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "niet consistent genoeg" })).ToBeVisibleAsync();

        // Direct weights with an interval.
        await page.GetByLabel("Gewicht (of ondergrens)").First.FillAsync("1");
        await page.GetByLabel("Bovengrens (leeg = precies het gewicht)").First.FillAsync("3");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Gewichten opslaan" }), "gewichten-direct");
        await Expect(page.GetByText("De gewichten zijn opgeslagen.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "niet consistent genoeg" })).ToHaveCountAsync(0);

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Welke crisis eerst" }), "prioriteit-na-gewichten");
        await Expect(page.GetByText("kans 1–3", new() { Exact = false })).ToBeVisibleAsync();
    }
}
