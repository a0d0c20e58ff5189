using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The results of a round: figures in the report's style, each with its table, axe-clean.</summary>
public sealed class ResultsTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Researcher_opens_the_results_of_the_demo_round_from_its_tabs()
    {
        await Fixture.EnsureDemoRoundAsync();
        var browser = await LogInAsync(TestUser.Admin, "/onderzoek/rondes", "rondes");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = DemoSeeder.DemoRoundName }), "monitoring");
        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van de ronde" }).GetByRole(AriaRole.Link, new() { Name = "Uitkomsten" }), "uitkomsten");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Uitkomsten: {DemoSeeder.DemoRoundName}");
        await Expect(page.GetByText($"Over {DemoSeeder.DemoResponseCount} verstuurde antwoorden.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Bewustzijn (B1–B5)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tabel: Bewustzijn (B1–B5)" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(6);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Gemiddelde score per pijler (1–10)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Score tegenover prioriteit per pijler" })).ToBeVisibleAsync();
        var scales = page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Cronbachs α" });
        await Expect(scales.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
    }
}
