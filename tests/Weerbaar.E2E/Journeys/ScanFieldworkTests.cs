using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>
/// The whole fieldwork of a scan round in the browser: the researcher creates a round and a contact, opens the round,
/// the invitation lands in the pickup folder, the respondent answers part 1, leaves, resumes on another device,
/// finishes and submits, and the monitoring page counts the response.
/// </summary>
public sealed partial class ScanFieldworkTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Round_from_creation_to_a_submitted_response_in_the_monitoring()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var roundName = "E2E-ronde " + Guid.NewGuid().ToString("N")[..6];
        var email = $"burgemeester-{Guid.NewGuid():N}@utrecht.test";
        var research = await LogInAsync(TestUser.Admin);
        var page = research.Page;

        await research.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Rondes" }), "rondes");
        await research.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe ronde" }), "nieuwe-ronde");
        await research.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ronde aanmaken" }), "nieuwe-ronde-fouten");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("De ronde is niet aangemaakt:");
        await page.GetByLabel("Naam").FillAsync(roundName);
        await page.GetByLabel("Opent op").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Sluit op (laatste dag)").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await research.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ronde aanmaken" }), "uitnodigingen-concept");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De ronde is aangemaakt als concept.");
        var roundPath = RoundPath().Match(page.Url).Value;

        await page.GetByLabel("Gemeente", new() { Exact = true }).SelectOptionAsync("GM0344");
        await research.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Contactpersoon invullen" }), "contactpersoon");
        await page.GetByLabel("Naam").FillAsync("Burgemeester Utrecht");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await research.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }), "uitnodigingen-contact");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("nog niet");

        await research.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "E-mailteksten" }), "e-mailteksten");
        await research.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Uitnodigingen" }), "uitnodigingen");
        await research.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ronde openen en uitnodigingen versturen" }), "uitnodigingen-open");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De ronde is open; 1 uitnodigingen");

        var link = await InvitationLinkAsync(email);
        Assert.StartsWith(research.Url("/scan/").ToString(), link, StringComparison.Ordinal);
        var path = new Uri(link).PathAndQuery;

        // Part 1 on one device, then away.
        var phone = await OpenBrowserAsync(new ViewportSize { Width = 390, Height = 844 }, suffix: "telefoon");
        await phone.GoToAsync(path, "intro");
        await phone.FollowAsync(phone.Page.GetByRole(AriaRole.Link, new() { Name = "Begin met deel 1" }), "deel-1");
        await phone.Page.Locator("#B1-4").CheckAsync();
        await phone.Page.Locator("#I4-OOV").CheckAsync();
        await phone.FollowAsync(phone.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en volgende" }), "deel-2");

        // Resume on another device with the same link.
        var laptop = await OpenBrowserAsync(suffix: "laptop");
        await laptop.GoToAsync(path, "intro-verder");
        await laptop.FollowAsync(laptop.Page.GetByRole(AriaRole.Link, new() { Name = "Ga verder waar u was" }), "deel-1-hervat");
        await Expect(laptop.Page.Locator("#B1-4")).ToBeCheckedAsync();
        await laptop.FollowAsync(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en volgende" }), "deel-2-hervat");
        await laptop.Page.Locator("#EC_score").FillAsync("7");
        await laptop.FollowAsync(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en volgende" }), "deel-3");
        await laptop.Page.Locator("#O1").FillAsync("Stroomuitval bij de waterzuivering.");
        await laptop.FollowAsync(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en controleren" }), "controle");
        await Expect(laptop.Page.GetByText("Stroomuitval bij de waterzuivering.")).ToBeVisibleAsync();
        await laptop.FollowAsync(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Antwoorden versturen" }), "verstuurd");
        await Expect(laptop.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hartelijk dank");

        // The research team sees it counted.
        await research.GoToAsync(roundPath, "respons");
        await Expect(page.Locator("dl.site-figures").First).ToContainTextAsync("Verstuurd (compleet)1 (");
        await research.GoToAsync(roundPath + "/uitnodigingen", "uitnodigingen-verstuurd");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("verstuurd");
    }

    /// <summary>Waits for the outbox worker to write the invitation to the pickup folder and reads the personal link.</summary>
    private async Task<string> InvitationLinkAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(Fixture.PickupDirectory))
            {
                foreach (var file in Directory.GetFiles(Fixture.PickupDirectory, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains($"To: {email}", StringComparison.OrdinalIgnoreCase) && ScanLink().Match(text) is { Success: true } match)
                    {
                        return match.Value;
                    }
                }
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Geen uitnodiging voor {email} in {Fixture.PickupDirectory}.");
    }

    [GeneratedRegex(@"/onderzoek/rondes/[0-9a-f-]{36}")]
    private static partial Regex RoundPath();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/scan/[A-Za-z0-9_-]{20,}(?=\s)")]
    private static partial Regex ScanLink();
}
