using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>
/// A demo programme for Utrecht (GM0344): ten actions from the measures catalogue with owners, partners, money, dates and
/// dependencies, starting in the month of the first start, so every programme page has content. Only when Utrecht has none.
/// </summary>
public static class DemoProgramme
{
    public const string Gemeente = "GM0344";
    private const string By = "demo";

    public static async Task SeedAsync(AppDbContext db, MeasuresCatalogue catalogue, TimeProvider clock)
    {
        if (await db.Programmes.IgnoreQueryFilters().AnyAsync(p => p.GemeenteCode == Gemeente)
            || await db.ProgrammeActions.IgnoreQueryFilters().AnyAsync(a => a.GemeenteCode == Gemeente))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = Shared.Format.Today(clock);
        var start = new DateOnly(today.Year, today.Month, 1);
        db.Programmes.Add(new GemeenteProgramme
        {
            GemeenteCode = Gemeente,
            Name = "Utrecht weerbaar (demo)",
            Regisseur = "Demo regisseur weerbaarheid",
            RegisseurDepartment = "Openbare orde en veiligheid",
            Background = "Dit is een **demoprogramma** met verzonnen acties, bedragen en data.\n\nDe Weerbaarheidsscan en de foto laten zien waar Utrecht kwetsbaar is; het college koos waarop het zich eerst voorbereidt.",
            Goals = "- Elke inwoner die niet 72 uur zelfredzaam is, heeft een noodsteunpunt binnen bereik.\n- De eigen organisatie draait drie dagen zonder stroom en zonder netwerk.",
            Risks = "- Te weinig capaciteit in het sociaal domein.\n- Afhankelijkheid van afspraken met ketenpartners.",
            StartDate = start,
            EndDate = start.AddYears(2).AddDays(-1),
            ReviewCycleMonths = 3,
            AvailableFte = 3,
            Budget = [new BudgetLine(start.Year, 250_000m), new BudgetLine(start.Year + 1, 200_000m), new BudgetLine(start.Year + 2, 150_000m)],
            Version = 1,
            UpdatedBy = By,
            UpdatedAt = now,
        });
        (string Measure, int StartMonth, int Months, string Owner, bool Social, decimal OneOff, decimal Structural, double Fte, int[] After, string? GapKind, string? GapReference)[] plan =
        [
            ("IN-01", 0, 2, "Openbare orde en veiligheid", false, 10_000m, 0m, 0.5, [], null, null),
            ("CP-01", 1, 4, "Bedrijfsvoering", false, 40_000m, 5_000m, 0.6, [1], GapKinds.ScanPillar, "EC"),
            ("ST-02", 3, 6, "Bedrijfsvoering", false, 120_000m, 8_000m, 0.3, [2], GapKinds.Scenario, "langdurige-stroomuitval"),
            ("NS-01", 1, 5, "Sociaal domein", true, 60_000m, 15_000m, 0.8, [1], GapKinds.Coverage, "noodsteunpunten"),
            ("NS-02", 6, 3, "Sociaal domein", true, 15_000m, 5_000m, 0.5, [4], GapKinds.Coverage, "noodsteunpunten"),
            ("KG-01", 2, 6, "Sociaal domein", true, 25_000m, 10_000m, 0.7, [1], GapKinds.Foto, "kwetsbare-inwoners"),
            ("DW-01", 2, 4, "Openbare orde en veiligheid", false, 5_000m, 0m, 0.2, [], GapKinds.Scenario, "langdurige-stroomuitval"),
            ("CC-01", 3, 3, "Communicatie", false, 20_000m, 2_000m, 0.4, [1], null, null),
            ("SW-01", 8, 6, "Sociaal domein", true, 30_000m, 20_000m, 0.5, [5, 6], GapKinds.ScanPillar, "SW"),
            ("IN-04", 10, 1, "Openbare orde en veiligheid", false, 8_000m, 0m, 1.0, [3, 5, 8], null, null),
        ];
        for (var i = 0; i < plan.Length; i++)
        {
            var p = plan[i];
            var measure = catalogue.Measures.First(m => m.Code == p.Measure);
            var actionStart = start.AddMonths(p.StartMonth);
            db.ProgrammeActions.Add(new ProgrammeAction
            {
                GemeenteCode = Gemeente,
                Number = i + 1,
                Title = measure.Name,
                Description = measure.Description,
                Pillar = measure.Pillar,
                Phase = measure.Phase,
                MeasureCode = measure.Code,
                GapKind = p.GapKind,
                GapReference = p.GapReference,
                GapDescription = p.GapKind is null ? null : "Demo: het knelpunt zoals het bij het overnemen was.",
                OwnerDepartment = p.Owner,
                OwnerPerson = "Demo medewerker",
                OwnerIsSocialDomain = p.Social,
                Raci = [new RaciEntry("A", p.Social ? "wethouder zorg" : "burgemeester"), new RaciEntry("R", p.Owner)],
                Partners = [.. measure.Partners],
                OneOffBudget = p.OneOff,
                StructuralBudgetPerYear = p.Structural,
                FtePerMonth = p.Fte,
                StartDate = actionStart,
                Deadline = actionStart.AddMonths(p.Months).AddDays(-1),
                Dependencies = [.. p.After.Select(n => new ActionDependency(n))],
                Status = p.StartMonth == 0 ? ActionStatus.Running : ActionStatus.NotStarted,
                Version = 1,
                CreatedBy = By,
                CreatedAt = now,
                UpdatedBy = By,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync();
    }
}
