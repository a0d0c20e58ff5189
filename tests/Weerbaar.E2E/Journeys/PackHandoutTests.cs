using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The custody page: a coordinator hands out a pack version to a named recipient and sets the reprint schedule; every page axe-clean.</summary>
public sealed class PackHandoutTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Haaksbergen = "GM0158";
    private const string Point = "Dorpshuis Uitgifte (e2e)";

    [Fact]
    public async Task Coordinator_records_a_handout_and_sets_the_reprint_schedule()
    {
        await Fixture.WithDbAsync(async db =>
        {
            if (!await db.Noodsteunpunten.IgnoreQueryFilters().AnyAsync(n => n.GemeenteCode == Haaksbergen && n.Name == Point))
            {
                var at = await (from b in db.Buurten join p in db.BuurtPoints on b.Code equals p.BuurtCode where b.GemeenteCode == Haaksbergen select new { p.Latitude, p.Longitude }).FirstAsync();
                db.Noodsteunpunten.Add(new Weerbaar.Web.Features.Locations.Noodsteunpunt
                {
                    GemeenteCode = Haaksbergen,
                    Name = Point,
                    Latitude = at.Latitude,
                    Longitude = at.Longitude,
                    ContactName = "Els Sleutel",
                    UpdatedBy = "e2e",
                });
            }
            return await db.SaveChangesAsync();
        });
        var coordinator = TestUser.Coordinator(Haaksbergen);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Haaksbergen}/crisiskit", "crisiskit");
        var page = browser.Page;
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Versie maken van het pack van {Point}" }), "versie-gemaakt");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "uitgifte en herdruk" }), "uitgifte");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uitgifte en herdruk: Haaksbergen");
        await Expect(page.GetByText("Er is nog geen pack uitgereikt.")).ToBeVisibleAsync();

        // Without a name: the error first, then the form keeps what was typed.
        await page.GetByLabel("Rol of organisatie (niet verplicht)").FillAsync("Rode Kruis");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Uitreiking vastleggen" }), "uitreiking-zonder-naam");
        await Expect(page.GetByText("Vul de naam in van wie het pack krijgt.").First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Rol of organisatie (niet verplicht)")).ToHaveValueAsync("Rode Kruis");

        await page.GetByLabel("Naam van de ontvanger").FillAsync("Fatima El Amrani");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Uitreiking vastleggen" }), "uitgereikt");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("De uitreiking is vastgelegd");
        var table = page.GetByRole(AriaRole.Table, new() { Name = $"Noodsteunpunt {Point}" });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fatima El Amrani" });
        await Expect(row).ToContainTextAsync("actueel");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "PDF voor Fatima El Amrani" })).ToBeVisibleAsync();

        await page.GetByLabel("Herdrukken elke … maanden").FillAsync("3");
        await page.GetByLabel("E-mailadres voor de herinnering (niet verplicht)").FillAsync("crisis@haaksbergen.test.nl");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Herdrukschema opslaan" }), "schema-opgeslagen");
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Het herdrukschema is opgeslagen");
        await Expect(page.GetByText("Packs worden elke 3 maanden opnieuw gemaakt")).ToBeVisibleAsync();

        // The button says whose pack it takes back (the rest of its text is for screen readers).
        var names = await page.GetByRole(AriaRole.Button).EvaluateAllAsync<string[]>("els => els.map(e => e.textContent)");
        Assert.Contains("Ingenomen: pack van Fatima El Amrani", names);
        await browser.FollowAsync(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fatima El Amrani" }).GetByRole(AriaRole.Button), "ingenomen");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fatima El Amrani" })).ToContainTextAsync("ingenomen op");
    }
}
