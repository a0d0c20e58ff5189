using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>Keyboard use: the skip link comes first and moves focus to the content.</summary>
public sealed class KeyboardTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task First_tab_on_the_login_page_focuses_the_skip_link()
    {
        var browser = await OpenBrowserAsync();
        await browser.GoToAsync("/inloggen", "inloggen");

        await AssertSkipLinkFirstAsync(browser);
    }

    [Fact]
    public async Task First_tab_on_the_gemeenten_page_focuses_the_skip_link_which_moves_to_the_content()
    {
        var browser = await LogInAsync(TestUser.Admin, "/gemeenten", "gemeenten");

        await AssertSkipLinkFirstAsync(browser);

        await browser.Page.Keyboard.PressAsync("Enter");
        await Expect(browser.Page).ToHaveURLAsync(browser.Url("/gemeenten#inhoud").ToString());
        await Expect(browser.Page.Locator("main#inhoud")).ToBeFocusedAsync();
        await browser.Page.Keyboard.PressAsync("Tab");
        await Expect(browser.Page.GetByLabel("Zoek op naam of code")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Skip_link_on_the_404_page_stays_on_that_page()
    {
        var browser = await LogInAsync(TestUser.Admin);
        await browser.GoToAsync("/bestaat-niet?x=1", "onbekend-adres", expectedStatus: 404);

        await AssertSkipLinkFirstAsync(browser);

        await browser.Page.Keyboard.PressAsync("Enter");
        await Expect(browser.Page).ToHaveURLAsync(browser.Url("/bestaat-niet?x=1#inhoud").ToString());
        await Expect(browser.Page.Locator("main#inhoud")).ToBeFocusedAsync();
    }

    private static async Task AssertSkipLinkFirstAsync(BrowserSession browser)
    {
        var skipLink = browser.Page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" });
        await Expect(skipLink).Not.ToBeInViewportAsync();

        await browser.Page.Keyboard.PressAsync("Tab");

        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await browser.ScreenshotAsync("skiplink");
        // axe skips the hidden link on page load; now that it shows, its text must be readable too.
        await TextContrast.AssertReadableAsync(skipLink, "De zichtbare skiplink");
        await AccessibilityCheck.AssertNoViolationsAsync(browser.Page, "skiplink");
    }
}
