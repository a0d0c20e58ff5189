using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The report of the demo round: the national report's structure, figures with tables, texts editable, axe-clean.</summary>
public sealed class ReportTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Researcher_reads_the_report_and_edits_its_introduction_with_the_keyboard()
    {
        await Fixture.EnsureDemoRoundAsync();
        var browser = await LogInAsync(TestUser.Admin, "/onderzoek/rondes", "rondes");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = DemoSeeder.DemoRoundName }), "monitoring");
        await browser.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Onderdelen van de ronde" }).GetByRole(AriaRole.Link, new() { Name = "Rapport" }), "rapport");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3. Uitkomsten" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Inhoudsopgave" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(await page.Locator("article.report h2[id]:not(#inhoud-kop), article.report h3[id]").CountAsync());
        await Expect(page.GetByText("Figuur 1. Bewustzijn")).ToBeVisibleAsync();
        await Expect(page.GetByText("enigszins tot in zeer grote mate (95%-betrouwbaarheidsinterval").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Eigen score van gemeenten per VNG-pijler (1–10) en de prioriteit die zij eraan geven (1 = hoogste prioriteit)" })).ToBeVisibleAsync();

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "past u aan onder ‘Teksten van het rapport’" }), "rapport-teksten");
        var text = page.GetByRole(AriaRole.Textbox, new() { Name = "Tekst (Markdown)" }).First;
        await text.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Deze inleiding is in de browser geschreven.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/rapport/teksten?opgeslagen=inleiding*");
        await browser.CheckPageAsync("rapport-tekst-opgeslagen");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is opgeslagen");
        await browser.GoToAsync($"{new Uri(page.Url).AbsolutePath.Replace("/teksten", "", StringComparison.Ordinal)}", "rapport-na-tekst");
        await Expect(page.GetByText("Deze inleiding is in de browser geschreven.")).ToBeVisibleAsync();
    }
}
