using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The decision record of the afwegingskader in a browser: record, read, correct, history; every page axe-checked.</summary>
public sealed partial class DecisionRecordTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Coordinator_records_a_decision_opens_it_corrects_it_and_sees_the_history()
    {
        const string gemeente = "GM0448"; // Texel
        var coordinator = TestUser.Coordinator(gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var list = $"/gemeenten/{gemeente}/afwegingskader/besluiten";
        var browser = await LogInAsync(coordinator, list, "besluiten");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Besluiten afwegingskader Texel");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nieuw besluit vastleggen" }), "besluit-nieuw");
        await Expect(page.GetByLabel("Opgesteld door (portefeuillehouder of ambtenaar)")).ToHaveValueAsync(coordinator.DisplayName);
        await page.GetByLabel("Scenario waarvoor het college kiest").SelectOptionAsync(new SelectOptionValue { Label = "Uitval van de drinkwatervoorziening" });
        await page.GetByLabel("Onderwerp").FillAsync("Eerst voorbereiden op uitval van drinkwater");
        await page.GetByLabel("Vastgesteld door").FillAsync("College van B en W, besluit d.d. 1 december 2026");

        // Without a rationale nothing is stored and the summary links to the field.
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }), "besluit-nieuw-fout");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul de onderbouwing van het college in.");
        await Expect(page.GetByLabel("Onderwerp")).ToHaveValueAsync("Eerst voorbereiden op uitval van drinkwater");
        await page.GetByLabel("Onderbouwing van het college").FillAsync("Op het eiland is geen tweede bron van drinkwater.\n\nDe veerdienst kan niet genoeg aanvoeren.");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }), "besluit");
        await Expect(page.GetByText("Het besluit is vastgelegd met de versie van elk gebruikt gegeven.")).ToBeVisibleAsync();
        var first = Number(await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Gebruikte gegevens en hun versie" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Collegevoorstel downloaden (Word)" })).ToHaveAttributeAsync("href", new Regex($"/besluiten/{first}/collegevoorstel\\.docx$"));

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Dit besluit corrigeren (een nieuw besluit)" }), "besluit-corrigeren");
        await Expect(page.GetByLabel("Onderwerp")).ToHaveValueAsync("Eerst voorbereiden op uitval van drinkwater");
        await page.GetByLabel("Scenario waarvoor het college kiest").SelectOptionAsync(new SelectOptionValue { Label = "Langdurige stroomuitval (72 uur of langer)" });
        await page.GetByLabel("Reden van de correctie").FillAsync("Het college koos in de vergadering voor stroomuitval.");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Correctie vastleggen" }), "besluit-correctie");
        var second = Number(await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.True(second > first);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"besluit {first}", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Correcties" })).ToBeVisibleAsync();

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Besluiten afwegingskader" }), "besluiten-geschiedenis");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "besluiten, nieuwste eerst", Exact = false });
        await Expect(table.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync($"corrigeert besluit {first}");
        await Expect(table.GetByRole(AriaRole.Row).Nth(2)).ToContainTextAsync($"gecorrigeerd door besluit {second}");

        await browser.FollowAsync(table.GetByRole(AriaRole.Link, new() { Name = $"Besluit {first}", Exact = true }), "besluit-gecorrigeerd");
        await Expect(page.GetByText("Dit besluit is gecorrigeerd door")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dit besluit corrigeren (een nieuw besluit)" })).ToHaveCountAsync(0);
        browser.AssertEveryPageChecked();
    }

    private static int Number(string? heading) => int.Parse(NumberRegex().Match(heading ?? "").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^Besluit (\\d+):")]
    private static partial Regex NumberRegex();
}
