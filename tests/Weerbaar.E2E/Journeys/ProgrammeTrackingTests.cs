using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Programme;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>Tracking the programme in a browser: a status update with the form, deadlines, progress and a review; axe-clean on every page.</summary>
public sealed class ProgrammeTrackingTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Gemeente = "GM0114"; // Emmen

    private Task<int> SeedAsync() => Fixture.WithDbAsync(async db =>
    {
        if (await db.Programmes.IgnoreQueryFilters().AnyAsync(p => p.GemeenteCode == Gemeente))
        {
            return 0;
        }
        var today = Weerbaar.Web.Shared.Format.Today(TimeProvider.System);
        var at = DateTimeOffset.UtcNow;
        db.Programmes.Add(new GemeenteProgramme
        {
            GemeenteCode = Gemeente,
            Name = "Programma weerbaarheid Emmen",
            StartDate = today.AddMonths(-4),
            AvailableFte = 1.5,
            Budget = [new BudgetLine(today.Year, 80_000m)],
            Version = 1,
            UpdatedBy = "e2e",
            UpdatedAt = at,
        });
        ProgrammeAction Action(int n, string pillar, int deadlineInDays, string title) => new()
        {
            Id = Guid.NewGuid(),
            GemeenteCode = Gemeente,
            Number = n,
            Title = title,
            Pillar = pillar,
            Phase = "koude-fase",
            OwnerDepartment = "Team OOV",
            OwnerPerson = "A. Jansen",
            StartDate = today.AddMonths(-2),
            Deadline = today.AddDays(deadlineInDays),
            FtePerMonth = 0.3,
            OneOffBudget = 5_000,
            Status = ActionStatus.Running,
            Version = 1,
            CreatedBy = "e2e",
            CreatedAt = at,
            UpdatedBy = "e2e",
            UpdatedAt = at,
        };
        db.ProgrammeActions.AddRange(
            Action(1, "EC", 10, "Noodstroom voor het gemeentehuis"),
            Action(2, "CO", -5, "Crisisplan actualiseren"),
            Action(3, "ZR", 60, "Voorlichting 72 uur zelfredzaam"));
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Coordinator_reports_progress_and_reads_deadlines_progress_and_a_new_review()
    {
        await SeedAsync();
        var coordinator = TestUser.Coordinator(Gemeente);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Gemeente}/programma/acties/1/voortgang", "programma-actie-voortgang");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voortgang A-1 Noodstroom voor het gemeentehuis");

        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Afgerond" });
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Voortgang vastleggen" }), "programma-actie-voortgang-fout");
        await Expect(page.GetByText("Een afgeronde actie vraagt om bewijs", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.GetByLabel("Bewijs").FillAsync("Opleverrapport noodstroom, 2 december");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Voortgang vastleggen" }), "programma-actie-voortgang-vastgelegd");
        await Expect(page.GetByText("De voortgang is vastgelegd.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "meldingen, nieuwste eerst", Exact = false })).ToContainTextAsync("Opleverrapport noodstroom");

        await browser.GoToAsync($"/gemeenten/{Gemeente}/programma/termijnen", "programma-termijnen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Termijnen programma Emmen");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "A-2 Crisisplan actualiseren" })).ToBeVisibleAsync();

        await browser.GoToAsync($"/gemeenten/{Gemeente}/programma/voortgang", "programma-voortgang");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Acties per pijler naar status" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Acties per pijler naar status" })).ToBeVisibleAsync();

        await browser.GoToAsync($"/gemeenten/{Gemeente}/programma/reviews", "programma-reviews");
        await browser.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe review vastleggen" }), "programma-review-nieuw");
        await page.GetByLabel("Samenvatting").FillAsync("Noodstroom is af; het crisisplan loopt achter.");
        await browser.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Review vastleggen" }), "programma-review");
        await Expect(page.GetByText("De review is vastgelegd met een momentopname van het programma.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "acties op", Exact = false })).ToContainTextAsync("Noodstroom voor het gemeentehuis");
    }
}
