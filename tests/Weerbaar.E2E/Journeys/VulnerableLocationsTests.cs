using System.Text;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Locations;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>A coordinator fills the register of vulnerable locations from a CSV file: first a file with errors, then a good one.</summary>
public sealed class VulnerableLocationsTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly string Header = string.Join(",", VulnerableLocationRules.Columns);

    [Fact]
    public async Task Register_coordinator_imports_a_file_sees_every_error_then_imports_a_good_one()
    {
        const string gemeente = "GM0307"; // Amersfoort
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{gemeente}", "gemeente");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "kwetsbare locaties" }), "kwetsbare-locaties");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kwetsbare locaties Amersfoort");

        var bad = Header + "\r\nschool,Basisschool De Horst,,38I1 AB,,,,250,,,,,,,,\r\nthuisdialyse,Thuisdialyse Amersfoort,Stadsring 1,,,,,4,,,,,,,,\r\n";
        await page.GetByLabel("Bestand (CSV)").SetInputFilesAsync(new FilePayload { Name = "locaties.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }), "import-fouten");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Het bestand bevat 2 fout(en); er is niets opgeslagen.");
        var errors = page.GetByRole(AriaRole.Table, new() { Name = "Fouten in het bestand" });
        await Expect(errors.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(errors).ToContainTextAsync("postcode");
        await Expect(errors).ToContainTextAsync("adres");

        var good = Header + "\r\nschool,Basisschool De Horst,Horstweg 1,3811 AB,,52.156,5.387,250,0,4,2,stroom;drinkwater,,,,\r\nthuisdialyse,Thuisdialyse Amersfoort,,,,,,4,,,,stroom,,,,\r\n";
        await page.GetByLabel("Bestand (CSV)").SetInputFilesAsync(new FilePayload { Name = "locaties.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Importeren" }), "import-gelukt");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 locaties geïmporteerd.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Locaties en personen per categorie" })).ToContainTextAsync("254");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "School (basis- en voortgezet onderwijs)", Exact = false })).ToContainTextAsync("Basisschool De Horst");
    }
}
