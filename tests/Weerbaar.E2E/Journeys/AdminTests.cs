using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>User administration: invitations through the form, the outgoing e-mail and activating an account.</summary>
public sealed partial class AdminTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Admin_invites_a_user_and_the_invitation_is_in_the_outgoing_email()
    {
        var email = NewEmail();
        var browser = await LogInAsync(TestUser.Admin);

        await InviteAsync(browser, email, "Uitgenodigde Lezer");
        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Status).GetByRole(AriaRole.Link, new() { Name = "Uitgaande e-mail" }), "uitgaande-e-mail");

        Assert.Equal(browser.Url("/beheer/e-mail").ToString(), browser.Page.Url);
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uitgaande e-mail");
        var row = browser.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Uitnodiging voor Weerbaar");
        await row.GetByText("Uitnodiging voor Weerbaar").ClickAsync();
        await Expect(row.Locator("pre")).ToContainTextAsync("Beste Uitgenodigde Lezer,");
        await Expect(row.Locator("pre")).ToContainTextAsync(browser.Url("/uitnodiging/").ToString());
        await browser.ScreenshotAsync("e-mail-geopend");
    }

    [Fact]
    public async Task Invitation_form_without_details_shows_the_Dutch_error_summary()
    {
        var browser = await LogInAsync(TestUser.Admin, "/beheer/gebruikers", "gebruikers");

        await browser.FollowAsync(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }), "fouten");

        var summary = browser.Page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("De uitnodiging is niet verstuurd:");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Vul een geldig e-mailadres in." })).ToHaveAttributeAsync("href", "/beheer/gebruikers#email");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Vul een naam in van hoogstens 200 tekens." })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByLabel("E-mailadres")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(browser.Page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Invited_user_activates_the_account_and_logs_in()
    {
        var email = NewEmail();
        var admin = await LogInAsync(TestUser.Admin);
        await InviteAsync(admin, email, "Nieuwe Collega");
        await admin.GoToAsync("/beheer/e-mail", "uitgaande-e-mail");
        var body = await admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).Locator("pre").TextContentAsync();
        var link = InvitationLink().Match(body ?? "").Value;
        Assert.False(string.IsNullOrEmpty(link), $"Geen uitnodigingslink in de e-mail: {body}");

        var invitee = await OpenBrowserAsync(suffix: "uitgenodigde");
        await invitee.GoToAsync(new Uri(link).PathAndQuery, "activeren");
        await Expect(invitee.Page.GetByText("Welkom Nieuwe Collega.")).ToBeVisibleAsync();
        const string password = "een zin van woorden 2024";
        await invitee.Page.GetByLabel("Nieuw wachtwoord").FillAsync(password);
        await invitee.Page.GetByLabel("Herhaal het wachtwoord").FillAsync(password);
        await invitee.FollowAsync(invitee.Page.GetByRole(AriaRole.Button, new() { Name = "Account activeren" }), "geactiveerd");
        await Expect(invitee.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw account is geactiveerd.");

        await invitee.FollowAsync(invitee.Page.GetByRole(AriaRole.Link, new() { Name = "inloggen" }), "inloggen");
        await invitee.Page.GetByLabel("E-mailadres").FillAsync(email);
        await invitee.Page.GetByLabel("Wachtwoord").FillAsync(password);
        await invitee.FollowAsync(invitee.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }), "overzicht");
        await Expect(invitee.Page.Locator(".site-user")).ToContainTextAsync("Nieuwe Collega");
        await Expect(invitee.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn gemeente" }))
            .ToHaveAttributeAsync("href", "/gemeenten/GM0344");
    }

    /// <summary>Invites a lezer of Utrecht through the form on /beheer/gebruikers, opened from the main menu.</summary>
    private static async Task InviteAsync(BrowserSession browser, string email, string name)
    {
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Gebruikers" }), "gebruikers");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Naam").FillAsync(name);
        await page.GetByLabel("Rol").SelectOptionAsync(new SelectOptionValue { Label = "Lezer (leest eigen gemeente)" });
        await page.GetByLabel("Gemeente (voor coördinator en lezer)").SelectOptionAsync(new SelectOptionValue { Label = "Utrecht" });

        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }), "uitgenodigd");

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Uitnodiging voor {email} verstuurd.");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("E-mailadres")).ToHaveValueAsync("");
    }

    private static string NewEmail() => $"uitgenodigd-{Guid.NewGuid().ToString("N")[..8]}@e2e.weerbaar.nl";

    [GeneratedRegex(@"https?://\S+/uitnodiging/\S+")]
    private static partial Regex InvitationLink();
}
