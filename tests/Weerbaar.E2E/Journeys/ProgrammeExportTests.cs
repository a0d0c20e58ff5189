using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Weerbaar.E2E.Infrastructure;
using Weerbaar.Web.Features.Programme;
using static Microsoft.Playwright.Assertions;

namespace Weerbaar.E2E.Journeys;

/// <summary>The programmaplan page and its Word download, and the regio's programmes side by side; every page axe-checked.</summary>
public sealed class ProgrammeExportTests(AppAndBrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Hoogeveen = "GM0118"; // veiligheidsregio Drenthe (VR03)

    private Task<bool> SeedAsync() => Fixture.WithDbAsync(async db =>
    {
        await db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == Hoogeveen).ExecuteDeleteAsync();
        await db.Programmes.IgnoreQueryFilters().Where(p => p.GemeenteCode == Hoogeveen).ExecuteDeleteAsync();
        db.Programmes.Add(new GemeenteProgramme
        {
            GemeenteCode = Hoogeveen,
            Name = "Hoogeveen weerbaar",
            Regisseur = "Sanne Mulder",
            StartDate = new DateOnly(2027, 1, 1),
            AvailableFte = 1.5,
            Budget = [new BudgetLine(2027, 25_000)],
            Background = "Hoogeveen bereidt zich voor op **stroomuitval**.",
            Version = 1,
            UpdatedBy = "e2e",
        });
        ProgrammeAction Action(int n, string title, string pillar, List<string> partners, DateOnly start, DateOnly deadline) => new()
        {
            Id = Guid.NewGuid(),
            GemeenteCode = Hoogeveen,
            Number = n,
            Title = title,
            Pillar = pillar,
            Phase = "koude-fase",
            OwnerDepartment = "OOV",
            OwnerPerson = "Sanne Mulder",
            Partners = partners,
            OneOffBudget = 5_000,
            FtePerMonth = 0.5,
            StartDate = start,
            Deadline = deadline,
            Version = 1,
            CreatedBy = "e2e",
            UpdatedBy = "e2e",
        };
        db.ProgrammeActions.AddRange(
            Action(1, "Noodstroom voor het gemeentehuis", "EC", ["netbeheerder"], new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 31)),
            Action(2, "Buurtnetwerken in de wijk Krakeel", "SW", ["vrijwilligersorganisaties"], new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 30)));
        await db.SaveChangesAsync();
        return true;
    });

    [Fact]
    public async Task Coordinator_reads_the_programmaplan_and_downloads_it_as_Word()
    {
        await SeedAsync();
        var coordinator = TestUser.Coordinator(Hoogeveen);
        await Fixture.EnsureUserAsync(coordinator);
        var browser = await LogInAsync(coordinator, $"/gemeenten/{Hoogeveen}/programma/programmaplan", "programmaplan");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programmaplan Hoogeveen");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3. Aanpak per pijler" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Acties van de pijler Eigen continuïteit" })).ToContainTextAsync("Noodstroom voor het gemeentehuis");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Geld per jaar tegen de begroting" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word", Exact = true }).ClickAsync());
        Assert.Matches("^programmaplan-hoogeveen-\\d{4}-\\d{2}-\\d{2}\\.docx$", download.SuggestedFilename);
        var path = await download.PathAsync();
        using (var word = WordprocessingDocument.Open(path, false))
        {
            var text = word.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Noodstroom voor het gemeentehuis", text, StringComparison.Ordinal);
            Assert.Contains("Buurtnetwerken in de wijk Krakeel", text, StringComparison.Ordinal);
        }
        await browser.CheckPageAsync("programmaplan-na-download");
        browser.AssertEveryPageChecked();
    }

    [Fact]
    public async Task Regio_sees_the_programmes_of_its_gemeenten_side_by_side()
    {
        await SeedAsync();
        var regio = TestUser.Regio("VR03");
        await Fixture.EnsureUserAsync(regio);
        var browser = await LogInAsync(regio, "/regio/programmas", "regio-programmas");
        var page = browser.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programma's in veiligheidsregio Drenthe");
        var gemeenten = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^\\d+ gemeenten:") });
        await Expect(gemeenten.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^Hoogeveen ") })).ToContainTextAsync("Sanne Mulder");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Partners en gemeenten: acties, afspraken en herziening" })).ToContainTextAsync("Netbeheerder (elektriciteit en gas)");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Aantal acties per pijler en gemeente" })).ToBeVisibleAsync();

        await browser.FollowAsync(gemeenten.GetByRole(AriaRole.Link, new() { Name = "Hoogeveen" }), "regio-programmaplan");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Programmaplan Hoogeveen");
        browser.AssertEveryPageChecked();
    }
}
