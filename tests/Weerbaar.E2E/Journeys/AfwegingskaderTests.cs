using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The afwegingskader in a browser: copy a national scenario, assess two scenarios, see them ranked in the table and the diagram.</summary>
public sealed class AfwegingskaderTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string[] Criteria =
        ["grondgebied", "doden", "gewonden", "levensbehoeften", "kosten", "natuur-milieu", "dagelijks-leven", "democratisch-bestel", "sociaal-psychologisch"];

    [Fact]
    public async Task Coordinator_copies_a_scenario_assesses_two_and_sees_them_ranked()
    {
        const string gemeente = "GM1659"; // Laarbeek
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/afwegingskader", "afwegingskader");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Afwegingskader Laarbeek");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Scenario's", Exact = true }), "scenarios");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Langdurige stroomuitval (72 uur of langer)" }), "scenario-landelijk");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Kopieer het naar een eigen scenario" }), "scenario-kopie");
        await Expect(page.GetByLabel("Naam")).ToHaveValueAsync("Langdurige stroomuitval (72 uur of langer)");
        // A code of its own per run, so the journey can be repeated on the same database.
        await page.GetByLabel("Code (optioneel)").FillAsync($"eigen-stroomuitval-{Guid.NewGuid().ToString("N")[..6]}");
        await page.GetByLabel("Naam").FillAsync("Stroomuitval Laarbeek");
        await page.GetByLabel("Typische duur (uren)").FillAsync("120");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Scenario opslaan" }), "scenario-eigen");
        await Expect(page.GetByText("Het eigen scenario is opgeslagen.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stroomuitval Laarbeek");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Scenario beoordelen" }), "beoordeling-eigen");
        await AssessAsync(page, "D", "C");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Beoordeling opslaan" }), "beoordeling-eigen-opgeslagen");
        await Expect(page.GetByText("De beoordeling is opgeslagen.", new() { Exact = false })).ToBeVisibleAsync();

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "het afwegingskader" }), "afwegingskader-een");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "beoordelen Uitval van telefonie en internet" }), "beoordeling-telecom");
        await AssessAsync(page, "B", "B");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Beoordeling opslaan" }), "beoordeling-telecom-opgeslagen");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "het afwegingskader" }), "afwegingskader-gerangschikt");

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Beoordeelde scenario's, hoogste risico eerst", Exact = false });
        var first = table.Locator("tbody tr").First;
        await Expect(first).ToContainTextAsync("Stroomuitval Laarbeek");
        await Expect(table.Locator("tbody tr", new() { HasText = "Uitval van telefonie en internet" })).ToBeVisibleAsync();
        var diagram = page.GetByRole(AriaRole.Img, new() { Name = "Risicodiagram Laarbeek" });
        await Expect(diagram).ToBeVisibleAsync();
        Assert.True(await diagram.Locator("g.site-risk-point").CountAsync() >= 2, "Minder dan twee scenario's in het risicodiagram.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Posities in het risicodiagram", Exact = false })).ToBeVisibleAsync();
    }

    private static async Task AssessAsync(IPage page, string likelihood, string impact)
    {
        await page.Locator("#likelihood").SelectOptionAsync(likelihood);
        foreach (var c in Criteria)
        {
            await page.Locator($"#impact-{c}").SelectOptionAsync(impact);
        }
        await page.Locator("#ownPreparedness").SelectOptionAsync("3");
    }
}
