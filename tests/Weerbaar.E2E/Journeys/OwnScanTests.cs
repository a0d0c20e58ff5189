using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>A gemeente reads its own Weerbaarheidsscan answers, in words, from its gemeente page.</summary>
public sealed class OwnScanTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task OwnScan_coordinator_follows_her_gemeente_to_its_answers_in_words()
    {
        var roundName = "Weerbaarheidsscan E2E " + Guid.NewGuid().ToString("N")[..6];
        await ImportResponseAsync(roundName, "GM0344", ("B1", "4"), ("I4", "OOV|CRISIS"), ("O1", "Te weinig mensen voor crisisbeheersing."));
        var coordinator = TestUser.Coordinator("GM0344");
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator);
        var page = browser.Page;

        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn gemeente" }), "mijn-gemeente");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "antwoorden Weerbaarheidsscan" }), "scan");

        Assert.Equal(browser.Url("/gemeenten/GM0344/scan").ToString(), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Weerbaarheidsscan Utrecht");
        var round = page.GetByRole(AriaRole.Region, new() { Name = roundName });
        await Expect(round).ToContainTextAsync("Verstuurd op 15 december 2025.");
        await Expect(round.GetByRole(AriaRole.Heading, new() { Name = "Deel 1: ", Exact = false }).First).ToBeVisibleAsync();
        await Expect(Answer(round, "B1. ")).ToHaveTextAsync("In grote mate");
        await Expect(Answer(round, "O1. ")).ToHaveTextAsync("Te weinig mensen voor crisisbeheersing.");
    }

    private static ILocator Answer(ILocator round, string label)
        => round.Locator(".site-review__row").Filter(new() { Has = round.Page.Locator("dt", new() { HasText = label }) }).Locator("dd").First;

    /// <summary>A round and one response, set up by the research team through the API.</summary>
    private async Task ImportResponseAsync(string roundName, string gemeente, params (string Column, string Value)[] answers)
    {
        using var http = new HttpClient { BaseAddress = Fixture.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Fixture.BearerTokenAsync(TestUser.Admin));
        using var created = await http.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = roundName, opensOn = "2025-12-15", closesOn = "2099-01-15" });
        created.EnsureSuccessStatusCode();
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var scan = new InstrumentCatalog().Find("weerbaarheidsscan-2025")!;
        var row = string.Join(",", new[] { "e2e-eigen", gemeente, "2025-12-15" }.Concat(scan.ColumnOrder.Select(c => answers.FirstOrDefault(a => a.Column == c).Value ?? "")));
        var csv = string.Join(",", ResponseCsv.Header(scan)) + "\r\n" + row + "\r\n";
        using var imported = await http.PostAsync($"/api/v1/rounds/{round}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        imported.EnsureSuccessStatusCode();
    }
}
