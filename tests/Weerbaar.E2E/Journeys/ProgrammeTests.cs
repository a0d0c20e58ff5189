using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The programmaplan in a browser: settings, a proposal adopted as an action, an error kept, the action page; every page axe-checked.</summary>
public sealed class ProgrammeTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_sets_up_the_programme_and_adopts_a_measure_as_an_action()
    {
        const string gemeente = "GM0119"; // Meppel
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}/programma", "programma");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programmaplan Meppel");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Programma instellen" }), "programma-instellingen");
        await page.GetByLabel("Regisseur (naam en functie)").FillAsync("R. Visser, regisseur weerbaarheid");
        await page.GetByLabel("Beschikbare inzet per maand (fte)").FillAsync("2,5");
        await page.GetByLabel("Begroting per jaar").FillAsync("2027: 150.000");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Programma opslaan" }), "programma-opgeslagen");
        await Expect(page.GetByText("Het programma is opgeslagen.")).ToBeVisibleAsync();
        await Expect(page.GetByText("R. Visser, regisseur weerbaarheid")).ToBeVisibleAsync();

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Voorstellen uit de knelpunten", Exact = true }), "programma-voorstellen");
        var coverage = page.GetByRole(AriaRole.Region, new() { Name = "Maatregelen voor: Dekking van de noodsteunpunten" });
        await browser.FollowAsync(coverage.GetByRole(AriaRole.Link).Filter(new() { HasTextString = "Overnemen" }).First, "actie-nieuw");
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Beantwoordt: Noodsteunpunten: dekking.");
        await page.GetByLabel("Afdeling of team").FillAsync("Sociaal domein");
        await page.GetByLabel("De eigenaar hoort bij het sociaal domein").CheckAsync();
        await page.GetByLabel("Start na (afhankelijkheden)").FillAsync("A-99");

        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Actie opslaan" }), "actie-nieuw-fout");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Actie A-99 bestaat niet in dit programma.");
        await Expect(page.GetByLabel("Afdeling of team")).ToHaveValueAsync("Sociaal domein");
        await page.GetByLabel("Start na (afhankelijkheden)").FillAsync("");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Actie opslaan" }), "actie");
        await Expect(page.GetByText("De actie is opgeslagen.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("A-1 ");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Programmaplan", Exact = true }), "programma-met-actie");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Acties van de pijler", Exact = false }).First).ToContainTextAsync("sociaal domein");
        browser.AssertEveryPageChecked();
    }
}
