using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Programme;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>
/// A small programme worked out by hand. Blaricum (GM0376) starts 1 January 2027 with 1,0 fte a month and a begroting of
/// € 50.000 (2027) and € 10.000 (2028):
/// A-1 Noodstroom (EC) 4 Jan–31 Mar 2027, 0,5 fte, € 40.000 + € 2.000/jaar; A-3 Crisisplan (CO) January, 0,6 fte, € 1.500, done;
/// A-2 the buurtnetwerken (SW, sociaal domein, no owner person) 1 Feb–30 Jun, 0,8 fte, € 5.000 + € 8.000/jaar, after A-1.
/// So A-2 cannot start before 1 April and ends 28 August (150 days): 59 days past its deadline; the critical path is A-1 → A-2.
/// January: 0,5 × 28/31 + 0,6 = 1,0516 fte against 1,0. 2027: one-off 46.500 + structural 10.000 = 56.500 against 50.000,
/// € 6.500 short; 2028: 10.000 structural against 10.000.
/// </summary>
internal static class ProgrammeExportSeed
{
    public const string Blaricum = "GM0376", Hilversum = "GM0402", Huizen = "GM0406", Laren = "GM0417";

    /// <summary>A title with a comma, a semicolon, a line break and long multibyte text, for the calendar's escaping and folding.</summary>
    public const string AwkwardTitle = "Buurtnetwerken, zorg; één\nplan voor kwetsbare inwoners — ‘café’ über Ærø ✓ 🌍 samen weerbaar in de wijk";

    public static async Task SeedAsync(AppDbContext db)
    {
        await ClearAsync(db, Blaricum);
        await ClearAsync(db, Hilversum);
        await ClearAsync(db, Laren);
        await ClearAsync(db, Huizen);
        db.Programmes.Add(new GemeenteProgramme
        {
            GemeenteCode = Blaricum,
            Name = "Programma weerbaar Blaricum",
            Regisseur = "Fatima el Amrani",
            RegisseurDepartment = "Openbare orde en veiligheid",
            Background = "Blaricum wil voorbereid zijn op **langdurige stroomuitval**.",
            Goals = "- Het gemeentehuis blijft 72 uur werken.\n- Kwetsbare inwoners zijn in beeld.",
            Risks = "Te weinig capaciteit bij de afdeling Wmo.",
            StartDate = new DateOnly(2027, 1, 1),
            ReviewCycleMonths = 3,
            AvailableFte = 1.0,
            Budget = [new BudgetLine(2027, 50_000), new BudgetLine(2028, 10_000)],
            Version = 1,
            UpdatedBy = "test",
        });
        db.ProgrammeActions.AddRange(
            Action(Blaricum, 1, "Noodstroom gemeentehuis", "EC", "Facilitaire zaken", "Jan de Vries", false, ["netbeheerder"], 40_000, 2_000, 0.5,
                new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 31), ActionStatus.Running, a =>
                {
                    a.Raci = [new RaciEntry("R", "Facilitaire zaken"), new RaciEntry("A", "Burgemeester"), new RaciEntry("C", "Netbeheerder")];
                    a.Milestones = [new ActionMilestone("Offerte aggregaat binnen", new DateOnly(2027, 2, 15))];
                    a.GapKind = "scan-pijler";
                    a.GapDescription = "Eigen continuïteit scoort laag maar staat hoog in prioriteit.";
                }),
            Action(Blaricum, 2, AwkwardTitle, "SW", "Wmo-team", null, true, ["zorginstellingen", "Buurtvereniging De Kern"], 5_000, 8_000, 0.8,
                new DateOnly(2027, 2, 1), new DateOnly(2027, 6, 30), ActionStatus.NotStarted, a => a.Dependencies = [new ActionDependency(1)]),
            Action(Blaricum, 3, "Crisisplan actualiseren", "CO", "Openbare orde en veiligheid", "Fatima el Amrani", false, [], 1_500, 0, 0.6,
                new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), ActionStatus.Done, a => a.CompletedOn = new DateOnly(2027, 1, 28)));
        db.PartnerAgreements.Add(new PartnerAgreement
        {
            GemeenteCode = Blaricum,
            Partner = "netbeheerder",
            Subject = "Voorrang bij herstel van het gemeentehuis",
            Contact = "Liander, team crisis",
            AgreedOn = new DateOnly(2027, 1, 20),
            ReviewDate = new DateOnly(2027, 7, 1),
            ActionNumbers = [1],
            Version = 1,
            UpdatedBy = "test",
        });

        // Hilversum shares the netbeheerder with Blaricum.
        db.Programmes.Add(new GemeenteProgramme
        {
            GemeenteCode = Hilversum,
            Name = "Weerbaar Hilversum",
            Regisseur = "Piet Bakker",
            StartDate = new DateOnly(2027, 1, 1),
            AvailableFte = 2,
            Version = 1,
            UpdatedBy = "test",
        });
        db.ProgrammeActions.Add(Action(Hilversum, 1, "Noodstroom zwembad", "EC", "Sport", "Ans Smit", false, ["netbeheerder"], 10_000, 0, 0.2,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), ActionStatus.Running));
        db.PartnerAgreements.Add(new PartnerAgreement
        {
            GemeenteCode = Hilversum,
            Partner = "netbeheerder",
            Subject = "Aggregaat bij uitval",
            ReviewDate = new DateOnly(2027, 3, 1),
            Version = 1,
            UpdatedBy = "test",
        });

        // Laren: a cycle the planning refuses.
        db.ProgrammeActions.AddRange(
            Action(Laren, 1, "Eerste", "EC", "OOV", "A", false, [], 0, 0, 0, new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), ActionStatus.NotStarted, a => a.Dependencies = [new ActionDependency(2)]),
            Action(Laren, 2, "Tweede", "EC", "OOV", "B", false, [], 0, 0, 0, new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), ActionStatus.NotStarted, a => a.Dependencies = [new ActionDependency(1)]));
        await db.SaveChangesAsync();
    }

    private static async Task ClearAsync(AppDbContext db, string code)
    {
        await db.PartnerAgreements.IgnoreQueryFilters().Where(a => a.GemeenteCode == code).ExecuteDeleteAsync();
        await db.ActionStatusUpdates.IgnoreQueryFilters().Where(a => a.GemeenteCode == code).ExecuteDeleteAsync();
        await db.ProgrammeActions.IgnoreQueryFilters().Where(a => a.GemeenteCode == code).ExecuteDeleteAsync();
        await db.ProgrammeReviews.IgnoreQueryFilters().Where(a => a.GemeenteCode == code).ExecuteDeleteAsync();
        await db.Programmes.IgnoreQueryFilters().Where(a => a.GemeenteCode == code).ExecuteDeleteAsync();
    }

    private static ProgrammeAction Action(string gemeente, int number, string title, string pillar, string department, string? person, bool social,
        List<string> partners, decimal oneOff, decimal structural, double fte, DateOnly start, DateOnly deadline, string status, Action<ProgrammeAction>? more = null)
    {
        var a = new ProgrammeAction
        {
            Id = Guid.NewGuid(),
            GemeenteCode = gemeente,
            Number = number,
            Title = title,
            Pillar = pillar,
            Phase = "koude-fase",
            OwnerDepartment = department,
            OwnerPerson = person,
            OwnerIsSocialDomain = social,
            Partners = partners,
            OneOffBudget = oneOff,
            StructuralBudgetPerYear = structural,
            FtePerMonth = fte,
            StartDate = start,
            Deadline = deadline,
            Status = status,
            Version = 1,
            CreatedBy = "test",
            UpdatedBy = "test",
            CreatedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
        };
        more?.Invoke(a);
        return a;
    }
}
