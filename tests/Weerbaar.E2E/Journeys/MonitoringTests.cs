using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>Fieldwork monitoring: the research team follows the response of a round (charts, tables, exports).</summary>
public sealed class MonitoringTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Researcher_opens_the_demo_rounds_monitoring_page_and_switches_the_chart_to_veiligheidsregio()
    {
        await Fixture.EnsureDemoRoundAsync();
        var browser = await LogInAsync(TestUser.Admin, "/onderzoek/rondes", "rondes");
        var page = browser.Page;

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = DemoSeeder.DemoRoundName }), "monitoring");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Respons: {DemoSeeder.DemoRoundName}");

        // The charts are images named by their SVG title; the tables next to them hold the same numbers.
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Respons per provincie" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Respons in de tijd" })).ToBeVisibleAsync();
        var provinces = page.GetByRole(AriaRole.Region, new() { Name = "Respons per provincie" });
        await Expect(provinces.GetByRole(AriaRole.Row)).ToHaveCountAsync(13); // header + 12 provinces
        var timeline = page.GetByRole(AriaRole.Region, new() { Name = "Respons per dag" });
        await Expect(timeline.GetByRole(AriaRole.Row).Last).ToContainTextAsync(DemoSeeder.DemoResponseCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Item-nonrespons per vraag" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "I4_anders" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Gemeenten die nog niet hebben verstuurd (CSV)" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/v1/rounds/[0-9a-f-]+/monitoring/non-responders\\.csv$"));

        await page.GetByLabel("Indeling", new() { Exact = true }).SelectOptionAsync("veiligheidsregio");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Toon grafiek" }), "monitoring-veiligheidsregio");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Respons per veiligheidsregio" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Respons per veiligheidsregio" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(26);
        Assert.EndsWith("?indeling=veiligheidsregio", page.Url, StringComparison.Ordinal);
    }
}
