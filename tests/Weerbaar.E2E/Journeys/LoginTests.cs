using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

public sealed class LoginTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Admin_logs_in_through_the_Dutch_login_page_and_sees_the_overview()
    {
        var browser = await OpenBrowserAsync();

        await browser.GoToAsync("/", "inloggen");
        Assert.StartsWith(browser.Url("/inloggen").ToString(), browser.Page.Url, StringComparison.Ordinal);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inloggen");
        await browser.Page.GetByLabel("E-mailadres").FillAsync(TestUser.Admin.Email);
        await browser.Page.GetByLabel("Wachtwoord").FillAsync(TestUser.Admin.Password);
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }), "overzicht");

        Assert.Equal(browser.Url("/").ToString(), browser.Page.Url);
        await Expect(browser.Page).ToHaveTitleAsync("Overzicht · Weerbaar");
        await Expect(browser.Page.Locator(".site-user")).ToContainTextAsync(TestUser.Admin.DisplayName);
        var menu = browser.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Overzicht", "Gemeenten", "Noodsteunpunten", "Rondes", "Gebruikers", "Uitgaande e-mail", "Buurtgrenzen", "Kwetsbaarheidsindex", "Handleiding", "API"]);
    }

    [Fact]
    public async Task Wrong_password_shows_a_Dutch_error_summary()
    {
        var user = new TestUser("fout-wachtwoord@e2e.weerbaar.nl", "E2e-wachtwoord-juist-4", "Fout Wachtwoord", Roles.Lezer, "GM0344");
        await Fixture.EnsureUserAsync(user);
        var browser = await OpenBrowserAsync();

        await browser.GoToAsync("/inloggen", "inloggen");
        await browser.Page.GetByLabel("E-mailadres").FillAsync(user.Email);
        await browser.Page.GetByLabel("Wachtwoord").FillAsync("niet-het-goede-wachtwoord-1");
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }), "fout-wachtwoord");

        var alert = browser.Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Inloggen is niet gelukt:");
        await Expect(alert).ToContainTextAsync(LoginMessages.Invalid);
        await Expect(browser.Page.GetByLabel("E-mailadres")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(browser.Page.GetByLabel("E-mailadres")).ToHaveValueAsync(user.Email);
        await Expect(browser.Page.Locator(".site-user")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Logout_returns_to_the_login_page_and_closes_the_session()
    {
        var browser = await LogInAsync(TestUser.Admin);

        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }), "uitgelogd");

        Assert.Equal(browser.Url("/inloggen?uitgelogd=1").ToString(), browser.Page.Url);
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("U bent uitgelogd.");
        await browser.GoToAsync("/gemeenten", "gemeenten-na-uitloggen");
        Assert.StartsWith(browser.Url("/inloggen?ReturnUrl=").ToString(), browser.Page.Url, StringComparison.Ordinal);
    }
}
