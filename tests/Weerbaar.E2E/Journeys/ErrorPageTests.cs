using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>Dutch error pages: unknown addresses, unknown gemeenten and invalid invitation links.</summary>
public sealed class ErrorPageTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Unknown_address_shows_the_Dutch_404_page()
    {
        var browser = await LogInAsync(TestUser.Admin);

        await browser.GoToAsync("/bestaat-niet", "onbekend-adres", expectedStatus: 404);

        await Expect(browser.Page).ToHaveTitleAsync("Pagina niet gevonden · Weerbaar");
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        await Expect(browser.Page.GetByText("Deze pagina bestaat niet (meer).")).ToBeVisibleAsync();
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Naar het overzicht" }), "overzicht");
        Assert.Equal(browser.Url("/").ToString(), browser.Page.Url);
    }

    [Fact]
    public async Task Error_page_for_404_renders_on_its_own_address()
    {
        var browser = await OpenBrowserAsync();

        await browser.GoToAsync("/fout/404", "fout-404");

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
    }

    [Fact]
    public async Task Unknown_gemeentecode_explains_what_a_code_looks_like()
    {
        var browser = await LogInAsync(TestUser.Admin);

        await browser.GoToAsync("/gemeenten/GM9999", "onbekende-gemeente", expectedStatus: 404);

        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        await Expect(browser.Page.GetByText("Er is geen gemeente met code ‘GM9999’.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Unknown_invitation_link_says_the_link_is_unknown()
    {
        var browser = await OpenBrowserAsync();

        await browser.GoToAsync("/uitnodiging/onbekend", "onbekende-uitnodiging", expectedStatus: 404);

        await Expect(browser.Page.GetByText(UserAdministration.Describe(InvitationState.Unknown))).ToBeVisibleAsync();
        await Expect(browser.Page.GetByLabel("Nieuw wachtwoord")).ToHaveCountAsync(0);
    }
}
