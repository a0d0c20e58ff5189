using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Programme;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The planning view of the programme in a browser: Gantt with its table, capacity and budget, partner agreements; axe-clean and keyboard-usable.</summary>
public sealed class ProgrammePlanningTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Gemeente = "GM0109"; // Coevorden

    private Task<int> SeedAsync() => Fixture.WithDbAsync(async db =>
    {
        await db.PartnerAgreements.IgnoreQueryFilters().Where(a => a.GemeenteCode == Gemeente).ExecuteDeleteAsync();
        await db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == Gemeente).ExecuteDeleteAsync();
        await db.Programmes.IgnoreQueryFilters().Where(p => p.GemeenteCode == Gemeente).ExecuteDeleteAsync();
        db.Programmes.Add(new GemeenteProgramme
        {
            GemeenteCode = Gemeente,
            Name = "Programma weerbaarheid Coevorden",
            StartDate = new DateOnly(2027, 1, 1),
            AvailableFte = 1.5,
            Budget = [new BudgetLine(2027, 80_000)],
            Version = 1,
            UpdatedBy = "e2e",
        });
        ProgrammeAction Action(int n, string title, string pillar, DateOnly start, DateOnly deadline, double fte, decimal oneOff, params ActionDependency[] after) => new()
        {
            GemeenteCode = Gemeente,
            Number = n,
            Title = title,
            Pillar = pillar,
            Phase = "koude-fase",
            OwnerDepartment = "OOV",
            StartDate = start,
            Deadline = deadline,
            FtePerMonth = fte,
            OneOffBudget = oneOff,
            Dependencies = [.. after],
            Version = 1,
            CreatedBy = "e2e",
            UpdatedBy = "e2e",
        };
        var plan = Action(3, "Noodplan vaststellen", "CO", new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), 1, 30_000, new ActionDependency(1), new ActionDependency(2, 7));
        plan.Milestones = [new ActionMilestone("Concept naar college", new DateOnly(2027, 4, 1))];
        db.ProgrammeActions.AddRange(
            Action(1, "Risicoprofiel opstellen", "EC", new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 28), 1, 40_000),
            Action(2, "Afspraken met de netbeheerder", "VV", new DateOnly(2027, 1, 15), new DateOnly(2027, 2, 15), 0.5, 20_000),
            plan,
            Action(4, "Oefening met partners", "CO", new DateOnly(2027, 5, 1), new DateOnly(2027, 6, 30), 1, 15_000, new ActionDependency(3)));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Coordinator_reads_the_planning_and_capacity_and_adds_a_partner_agreement()
    {
        await SeedAsync();
        var coordinator = TestUser.Coordinator(Gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Gemeente}/programma/planning", "planning");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Planning van het programma: Coevorden");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Planning van Coevorden: 4 acties") })).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Planning per actie", Exact = false });
        await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        await Expect(table.GetByRole(AriaRole.Row, new() { Name = "A-3 Noodplan vaststellen", Exact = false })).ToContainTextAsync("ja");

        // Keyboard: the link before the chart leads to the table; the next Tab lands in it.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Ga naar de tabel met dezelfde gegevens" });
        await skip.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(browser.Url($"/gemeenten/{Gemeente}/programma/planning#planning-tabel").ToString());
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.closest('#planning-tabel') !== null"), "De tabel is niet met het toetsenbord bereikt.");

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Capaciteit en budget" }), "capaciteit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Capaciteit en budget van het programma: Coevorden");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ingepland en beschikbaar personeel per maand", Exact = false })).ToBeVisibleAsync();
        // 2027: € 105.000 one-off against € 80.000.
        await Expect(page.GetByText("In 2027 is € 25.000 meer gepland dan begroot (€ 105.000 gepland, € 80.000 begroot).")).ToBeVisibleAsync();

        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Afspraken met partners" }), "afspraken");
        await Expect(page.GetByText("Er zijn nog geen afspraken met partners vastgelegd.")).ToBeVisibleAsync();
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }), "afspraak-fouten");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul de partner in");
        await page.GetByLabel("Partner").FillAsync("Netbeheerder (elektriciteit en gas)");
        await page.GetByLabel("Wat is afgesproken").FillAsync("Voorrang bij herstel van de stroom voor de noodsteunpunten.");
        await page.GetByLabel("Opnieuw bekijken op").FillAsync("2027-06-01");
        await page.GetByLabel("Voor acties (niet verplicht)").FillAsync("A-2");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Afspraak toevoegen" }), "afspraak-opgeslagen");
        await Expect(page.GetByText("De afspraak is opgeslagen.")).ToBeVisibleAsync();
        var agreements = page.GetByRole(AriaRole.Table, new() { Name = "1 afspraak met partners", Exact = false });
        await Expect(agreements.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Netbeheerder (elektriciteit en gas)");
        await Expect(agreements.GetByRole(AriaRole.Link, new() { Name = "A-2 Afspraken met de netbeheerder" })).ToHaveAttributeAsync("href", $"/gemeenten/{Gemeente}/programma/acties/2");
    }
}
