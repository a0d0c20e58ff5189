using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>One gemeente: key figures, buurten, the outline on the map and the team.</summary>
public sealed class GemeentePageTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Gemeente_page_shows_key_figures_buurten_source_and_the_map_outline()
    {
        var browser = await LogInAsync(TestUser.Admin, "/gemeenten?q=GM0344", "zoek-op-code");
        var page = browser.Page;

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Utrecht", Exact = true }), "utrecht");

        Assert.Equal(browser.Url("/gemeenten/GM0344").ToString(), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Utrecht");
        await Expect(page.GetByText("Gemeentecode GM0344 · provincie Utrecht · veiligheidsregio Utrecht")).ToBeVisibleAsync();
        await Expect(Figure(page, "Inwoners")).ToHaveTextAsync("374.238");
        await Expect(Figure(page, "Oppervlakte (land)")).ToHaveTextAsync("9.377 ha");
        await Expect(Figure(page, "Woningvoorraad")).ToHaveTextAsync("167.124");

        var buurten = page.GetByRole(AriaRole.Table, new() { Name = "Buurten van Utrecht per wijk (Bron: CBS)" });
        await Expect(buurten.Locator("tbody tr")).ToHaveCountAsync(109);
        await Expect(buurten.GetByRole(AriaRole.Row, new() { Name = "Oog in Al" })).ToContainTextAsync("4.155");
        await Expect(page.Locator("main").GetByText("Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0).").First).ToBeVisibleAsync();

        // Leaflet draws the outline as an SVG path even without background tiles (there is no internet here).
        var map = page.Locator("#kaart");
        await Expect(map).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("leaflet-container"));
        await Expect(map.Locator("svg path.leaflet-interactive")).ToHaveCountAsync(1);
        await Expect(map.Locator(".leaflet-tile")).ToHaveCountAsync(0);
        var outline = await map.Locator("svg path").First.GetAttributeAsync("d");
        Assert.True(outline is { Length: > 100 }, $"De omtrek is niet getekend: d=\"{outline}\".");
    }

    /// <summary>
    /// The team page with a bearer token: it checks the page (content, accessibility) while a cookie login cannot
    /// reach it; see <see cref="Coordinator_opens_her_gemeente_and_its_team_from_the_menu"/>.
    /// </summary>
    [Fact]
    public async Task Team_page_lists_the_users_of_the_gemeente()
    {
        var coordinator = TestUser.Coordinator("GM0344");
        var lezer = TestUser.Lezer("GM0344");
        await Fixture.EnsureUserAsync(coordinator);
        await Fixture.EnsureUserAsync(lezer);
        var browser = await OpenWithBearerTokenAsync(coordinator);
        var page = browser.Page;
        await browser.GoToAsync("/gemeenten/GM0344", "utrecht");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "team in Weerbaar" }), "team");

        Assert.Equal(browser.Url("/gemeenten/GM0344/team").ToString(), page.Url);
        await AssertTeamAsync(page, coordinator, lezer);
    }

    [Fact]
    public async Task Coordinator_opens_her_gemeente_and_its_team_from_the_menu()
    {
        var coordinator = TestUser.Coordinator("GM0344");
        var lezer = TestUser.Lezer("GM0344");
        await Fixture.EnsureUserAsync(coordinator);
        await Fixture.EnsureUserAsync(lezer);
        var browser = await LogInAsync(coordinator);
        var page = browser.Page;

        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn gemeente" }), "mijn-gemeente");
        Assert.Equal(browser.Url("/gemeenten/GM0344").ToString(), page.Url);
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "team in Weerbaar" }), "team");

        Assert.Equal(browser.Url("/gemeenten/GM0344/team").ToString(), page.Url);
        await AssertTeamAsync(page, coordinator, lezer);
    }

    private static async Task AssertTeamAsync(IPage page, TestUser coordinator, TestUser lezer)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Team Utrecht");
        var team = page.GetByRole(AriaRole.Table, new() { Name = "Gebruikers van Utrecht" });
        await Expect(team.GetByRole(AriaRole.Row, new() { Name = coordinator.DisplayName })).ToContainTextAsync("Coördinator (bewerkt eigen gemeente)");
        await Expect(team.GetByRole(AriaRole.Row, new() { Name = lezer.DisplayName })).ToContainTextAsync("Lezer (leest eigen gemeente)");
        await Expect(team.GetByRole(AriaRole.Row, new() { Name = TestUser.Admin.DisplayName })).ToHaveCountAsync(0);
    }

    private static ILocator Figure(IPage page, string term)
        => page.Locator(".site-figures div").Filter(new() { Has = page.Locator("dt", new() { HasText = term }) }).Locator("dd").First;
}
