using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The list of gemeenten: main menu, search, filters, sorting and paging.</summary>
public sealed class GemeentenListTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Main_menu_opens_gemeenten_and_pagination_goes_to_page_2()
    {
        var browser = await LogInAsync(TestUser.Admin);
        var page = browser.Page;

        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gemeenten" }), "gemeenten");
        Assert.Equal(browser.Url("/gemeenten").ToString(), page.Url);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gemeenten");
        await Expect(page.Locator("#resultaat")).ToContainTextAsync("342 gemeenten gevonden; pagina 1 van 14");
        await Expect(Rows(page)).ToHaveCountAsync(25);
        var firstOnPage1 = await Rows(page).First.GetByRole(AriaRole.Rowheader).TextContentAsync();

        var pagination = page.GetByRole(AriaRole.Navigation, new() { Name = "Paginering" });
        await browser.FollowAsync(pagination.GetByRole(AriaRole.Link, new() { Name = "Pagina 2", Exact = true }), "pagina-2");
        Assert.Equal(browser.Url("/gemeenten?pagina=2").ToString(), page.Url);
        await Expect(page.Locator("#resultaat")).ToContainTextAsync("pagina 2 van 14");
        await Expect(pagination.Locator("[aria-current=page]")).ToHaveTextAsync("Pagina 2");
        await Expect(Rows(page)).ToHaveCountAsync(25);
        await Expect(Rows(page).First.GetByRole(AriaRole.Rowheader)).Not.ToHaveTextAsync(firstOnPage1!);
    }

    [Fact]
    public async Task Search_by_name_finds_the_gemeente()
    {
        var browser = await LogInAsync(TestUser.Admin, "/gemeenten", "gemeenten");
        var page = browser.Page;

        await page.GetByLabel("Zoek op naam of code").FillAsync("utrechtse");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }), "zoeken");

        await Expect(page.Locator("#resultaat")).ToContainTextAsync("1 gemeente gevonden");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Utrechtse Heuvelrug");
        await Expect(page.GetByLabel("Zoek op naam of code")).ToHaveValueAsync("utrechtse");
    }

    [Fact]
    public async Task Filter_by_provincie_and_by_veiligheidsregio_narrows_the_list()
    {
        var browser = await LogInAsync(TestUser.Admin, "/gemeenten", "gemeenten");
        var page = browser.Page;

        await page.GetByLabel("Provincie").SelectOptionAsync(new SelectOptionValue { Label = "Noord-Holland" });
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }), "provincie");
        await Expect(page.Locator("#resultaat")).ToContainTextAsync("44 gemeenten gevonden; pagina 1 van 2");
        await Expect(page.Locator("tbody tr td:nth-child(3)")).ToHaveTextAsync(Enumerable.Repeat("Noord-Holland", 25).ToArray());

        await page.GetByLabel("Veiligheidsregio").SelectOptionAsync(new SelectOptionValue { Label = "Amsterdam-Amstelland" });
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }), "provincie-en-veiligheidsregio");
        await Expect(page.Locator("#resultaat")).ToContainTextAsync("6 gemeenten gevonden");
        await Expect(page.Locator("tbody tr td:nth-child(4)")).ToHaveTextAsync(Enumerable.Repeat("Amsterdam-Amstelland", 6).ToArray());
        await Expect(page.GetByLabel("Provincie")).ToHaveValueAsync("PV27");
        await Expect(page.GetByLabel("Veiligheidsregio")).ToHaveValueAsync("VR13");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Wis filters" }), "filters-gewist");
        await Expect(page.Locator("#resultaat")).ToContainTextAsync("342 gemeenten gevonden");
    }

    [Fact]
    public async Task Column_header_sorts_by_inwoners_ascending_then_descending()
    {
        var browser = await LogInAsync(TestUser.Admin, "/gemeenten", "gemeenten");
        var page = browser.Page;
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Inwoners", Exact = false }).First;
        await Expect(header).ToHaveAttributeAsync("aria-sort", "none");

        await browser.FollowAsync(header.GetByRole(AriaRole.Link), "oplopend");
        Assert.Equal(browser.Url("/gemeenten?sort=inwoners").ToString(), page.Url);
        await Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Inwoners");
        await Expect(Rows(page).First.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Schiermonnikoog");

        await browser.FollowAsync(page.Locator("th[aria-sort=ascending]").GetByRole(AriaRole.Link), "aflopend");
        Assert.Equal(browser.Url("/gemeenten?sort=-inwoners").ToString(), page.Url);
        await Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Inwoners");
        await Expect(Rows(page).First.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Amsterdam");
        await Expect(Rows(page).Nth(1).GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Rotterdam");
    }

    [Fact]
    public async Task Gemeenten_page_fits_a_phone_screen()
    {
        var browser = await LogInAsync(TestUser.Admin, "/gemeenten", "gemeenten-telefoon", new ViewportSize { Width = 375, Height = 812 });

        // WCAG 1.4.10 reflow: no horizontal scrolling of the page itself; the wide table scrolls in its own region.
        var pageWidth = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 375, $"De pagina is {pageWidth}px breed op een scherm van 375px.");
        await Expect(browser.Page.GetByRole(AriaRole.Region, new() { Name = "Gemeenten (Bron: CBS)" })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Filteren" })).ToBeInViewportAsync();
    }

    private static ILocator Rows(IPage page) => page.Locator("table tbody tr");
}
