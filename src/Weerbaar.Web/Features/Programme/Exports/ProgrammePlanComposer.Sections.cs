using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme.Exports;

public static partial class ProgrammePlanComposer
{
    private static IEnumerable<ReportBlock> Organisation(ProgrammePlanData d)
    {
        var p = d.Programme;
        yield return new ReportParagraph(p.Regisseur is { Length: > 0 }
            ? $"Het programma wordt geregisseerd door {Regisseur(p)}. De regisseur brengt de acties samen en legt verantwoording af aan het college."
            : "Er is nog geen regisseur benoemd. Het landelijk rapport van de Weerbaarheidsscan beveelt één centrale regisseur aan.");
        yield return new ReportParagraph(
            $"Het programma wordt {PlanText.ReviewCycle(p.ReviewCycleMonths)} herzien; "
            + (d.LastReview is { } last ? $"de laatste herziening was op {PlanText.Date(last)}, " : "er is nog geen herziening gehouden, ")
            + $"de volgende is uiterlijk op {PlanText.Date(d.NextReview)}.");

        yield return new ReportHeading(2, "raci", "4.1 Rollen per actie (RACI)");
        if (d.Actions.Count == 0)
        {
            yield return new ReportParagraph("Het programma heeft nog geen acties.");
        }
        else
        {
            yield return new ReportParagraph("R: voert uit; A: eindverantwoordelijk; C: geraadpleegd; I: geïnformeerd.");
            yield return Table("raci", "Rollen per actie (RACI)", ["Actie", "Titel", "R (voert uit)", "A (eindverantwoordelijk)", "C (geraadpleegd)", "I (geïnformeerd)"],
                d.Actions.Select(a => (IReadOnlyList<ReportCell>)[a.Label, a.Title, Parties(a, "R"), Parties(a, "A"), Parties(a, "C"), Parties(a, "I")]),
                [6, 26, 16, 20, 16, 16]);
        }

        yield return new ReportHeading(2, "partnerafspraken", "4.2 Afspraken met ketenpartners");
        if (d.Agreements.Count == 0)
        {
            yield return new ReportParagraph("Er zijn nog geen afspraken met ketenpartners vastgelegd.");
        }
        else
        {
            yield return Table("partnerafspraken", "Afspraken met ketenpartners", ["Partner", "Afspraak", "Contactpersoon", "Afgesproken op", "Herzien op", "Acties"],
                d.Agreements.Select(a => (IReadOnlyList<ReportCell>)[d.PartnerName(a.Partner), a.Subject, a.Contact ?? "–",
                    a.AgreedOn is { } on ? PlanText.ShortDate(on) : "–", PlanText.ShortDate(a.ReviewDate),
                    a.ActionNumbers.Count == 0 ? "–" : string.Join(", ", a.ActionNumbers.Order().Select(n => $"A-{n}"))]),
                [20, 30, 16, 12, 12, 10]);
        }
    }

    private static string Parties(ProgrammeAction a, string role)
    {
        var parties = a.Raci.Where(r => string.Equals(r.Role, role, StringComparison.OrdinalIgnoreCase)).Select(r => r.Party).ToList();
        return parties.Count == 0 ? "–" : string.Join("; ", parties);
    }

    private static IEnumerable<ReportBlock> Schedule(ProgrammePlanData d)
    {
        var planning = d.Planning;
        if (planning.Problem is { } problem)
        {
            yield return new ReportParagraph($"De planning kan niet worden berekend. {problem} Los dit op in de afhankelijkheden van de acties.");
            yield break;
        }
        if (planning.Schedule is not { } schedule)
        {
            yield return new ReportParagraph("Het programma heeft nog geen acties om te plannen.");
            yield break;
        }
        yield return new ReportParagraph(
            $"Elke actie loopt van haar startdatum tot en met haar deadline, en begint pas als de acties waarvan zij afhangt klaar zijn. "
            + $"Zo gepland loopt het programma van {PlanText.Date(schedule.ProgrammeStart)} tot en met {PlanText.Date(schedule.ProjectEndDate)}.");
        yield return Table("planning", "Planning per actie (vroegst mogelijke start en einde)", ["Actie", "Titel", "Start", "Klaar", "Deadline", "Speling (dagen)", "Kritiek"],
            d.Actions.Select(a => planning.For(a) is { } s
                ? (IReadOnlyList<ReportCell>)[a.Label, a.Title, PlanText.ShortDate(s.EarliestStartDate), PlanText.ShortDate(s.EarliestFinishDate), PlanText.ShortDate(a.Deadline),
                    new ReportCell(Format.Number(s.TotalSlack), s.TotalSlack), s.IsCritical ? "ja" : "nee"]
                : [a.Label, a.Title, "–", "–", PlanText.ShortDate(a.Deadline), "–", "–"]),
            [7, 33, 13, 13, 13, 11, 10]);
        yield return new ReportParagraph(CriticalPathSentence(d, schedule.CriticalPaths));
        if (schedule.CriticalPaths.Count > 1)
        {
            yield return new ReportList([.. schedule.CriticalPaths.Select(c => Chain(d, c))]);
        }
        yield return schedule.DeadlineMisses.Count == 0
            ? new ReportParagraph("Alle acties kunnen op tijd klaar zijn: geen enkele afhankelijkheid schuift een actie voorbij haar deadline.")
            : new ReportParagraph($"{Count(schedule.DeadlineMisses.Count, "actie haalt", "acties halen")} de deadline niet door de afhankelijkheden:");
        if (schedule.DeadlineMisses.Count > 0)
        {
            yield return new ReportList([.. schedule.DeadlineMisses.Select(m => m.Message)]);
        }

        var milestones = d.Actions.SelectMany(a => a.Milestones.Select(m => (Action: a, Milestone: m))).OrderBy(x => x.Milestone.Date).ToList();
        if (milestones.Count > 0)
        {
            yield return Table("mijlpalen", "Mijlpalen", ["Actie", "Mijlpaal", "Datum", "Bereikt"],
                milestones.Select(x => (IReadOnlyList<ReportCell>)[x.Action.Label, x.Milestone.Name, PlanText.ShortDate(x.Milestone.Date), x.Milestone.Reached ? "ja" : "nee"]),
                [10, 55, 20, 15]);
        }
    }

    private static string CriticalPathSentence(ProgrammePlanData d, IReadOnlyList<IReadOnlyList<string>> paths) => paths.Count switch
    {
        0 => "Er is geen kritiek pad.",
        1 => $"Het kritieke pad loopt via {Chain(d, paths[0])}: wie een van deze acties vertraagt, schuift het einde van het programma op.",
        _ => $"Er zijn {Format.Number(paths.Count)} kritieke paden; wie een actie op een ervan vertraagt, schuift het einde van het programma op:",
    };

    private static string Chain(ProgrammePlanData d, IReadOnlyList<string> keys)
        => string.Join(" → ", keys.Select(k => d.ActionOf(k) is { } a ? $"{a.Label} ‘{a.Title}’" : k));

    private static IEnumerable<ReportBlock> Means(ProgrammePlanData d)
    {
        var planning = d.Planning;
        if (planning.Budget is not { } budget)
        {
            yield return new ReportParagraph(planning.Problem is null
                ? "Het programma heeft nog geen acties; er is nog geen geld of inzet gepland."
                : "Zonder planning (zie hoofdstuk 5) zijn geld en inzet per jaar en maand niet te berekenen.");
            yield break;
        }
        var oneOff = d.Actions.Sum(a => a.OneOffBudget);
        var structural = d.Actions.Sum(a => a.StructuralBudgetPerYear);
        yield return new ReportParagraph(
            $"De acties vragen samen {PlanText.Money(oneOff)} eenmalig en {PlanText.Money(structural)} structureel per jaar. "
            + "Eenmalig geld valt in het jaar waarin een actie begint, structureel geld in elk jaar vanaf dat jaar.");

        yield return new ReportHeading(2, "budget-pijler", "6.1 Geld per pijler en jaar");
        yield return Table("budget-pijler", "Geld per pijler en jaar", ["Pijler", "Jaar", "Eenmalig", "Structureel", "Totaal"],
            budget.PerPillar.Select(b => (IReadOnlyList<ReportCell>)[d.PillarName(b.Pillar), new ReportCell(b.Year.ToString(Format.Dutch), b.Year),
                Money(b.OneOff), Money(b.Structural), Money(b.Total)]),
            [36, 10, 18, 18, 18]);

        yield return new ReportHeading(2, "budget-jaar", "6.2 Geld per jaar tegen de begroting");
        yield return Table("budget-jaar", "Geld per jaar tegen de begroting", ["Jaar", "Eenmalig", "Structureel", "Totaal", "Begroting", "Tekort"],
            budget.PerYear.Select(y => (IReadOnlyList<ReportCell>)[new ReportCell(y.Year.ToString(Format.Dutch), y.Year),
                Money(y.OneOff), Money(y.Structural), Money(y.Total), Money(y.Begroting), Money(y.Shortfall)]),
            [10, 18, 18, 18, 18, 18]);
        var shortYears = budget.PerYear.Where(y => y.HasShortfall).ToList();
        yield return new ReportParagraph(shortYears.Count == 0
            ? "De begroting dekt het geplande geld in elk jaar."
            : $"De begroting dekt het geplande geld niet in {string.Join(", ", shortYears.Select(y => y.Year.ToString(Format.Dutch)))}; zie de risico's.");

        yield return new ReportHeading(2, "inzet", "6.3 Inzet per maand tegen de beschikbare fte");
        yield return Table("inzet", "Inzet per maand (fte)", ["Maand", "Gepland", "Beschikbaar", "Te veel gepland"],
            planning.Capacity.Select(m => (IReadOnlyList<ReportCell>)[PlanText.Month(m.Month), Fte(m.PlannedFte), Fte(m.AvailableFte),
                m.IsOverAllocated ? Fte(m.OverBy) : new ReportCell("–")]),
            [31, 23, 23, 23]);
        var over = planning.Capacity.Count(m => m.IsOverAllocated);
        yield return new ReportParagraph(over == 0
            ? "In geen enkele maand is meer inzet gepland dan beschikbaar."
            : $"In {Count(over, "maand", "maanden")} is meer inzet gepland dan beschikbaar; zie de risico's.");
    }

    private static ReportCell Money(decimal amount) => new(PlanText.Money(amount), (double)amount);

    private static ReportCell Fte(double fte) => new(Format.Number(fte, 2), Math.Round(fte, 4));

    private static IEnumerable<ReportBlock> Risks(ProgrammePlanData d)
    {
        yield return new ReportHeading(2, "risicos-programma", "7.1 Risico's van het programma");
        yield return Markdown("risicos", d.Programme.Risks);
        yield return new ReportHeading(2, "signalen", "7.2 Signalen uit de planning");
        var signals = Signals(d);
        yield return signals.Count == 0
            ? new ReportParagraph("De planning geeft geen signalen: deadlines, inzet, geld en eigenaren zijn in orde.")
            : new ReportList(signals);
    }

    /// <summary>What the planning shows as a risk, in Dutch sentences: a refused plan, missed deadlines, overdue actions,
    /// months with too much work, years without enough money, and actions without an owner person.</summary>
    public static List<string> Signals(ProgrammePlanData d)
    {
        var signals = new List<string>();
        var planning = d.Planning;
        if (planning.Problem is { } problem)
        {
            signals.Add($"De planning kan niet worden berekend: {problem}");
        }
        if (planning.Schedule is { } schedule)
        {
            signals.AddRange(schedule.DeadlineMisses.Select(m => m.Message));
        }
        signals.AddRange(d.Actions.Where(a => a.Deadline < d.Today && !ActionStatus.IsClosed(a.Status))
            .Select(a => $"{a.Label} ‘{a.Title}’ had op {PlanText.Date(a.Deadline)} klaar moeten zijn en is nog niet afgerond (status: {ActionStatus.Label(a.Status).ToLowerInvariant()})."));
        signals.AddRange(planning.Capacity.Where(m => m.IsOverAllocated)
            .Select(m => $"In {PlanText.Month(m.Month)} is {PlanText.Fte(m.PlannedFte)} gepland tegen {PlanText.Fte(m.AvailableFte)} beschikbaar: {PlanText.Fte(m.OverBy)} te veel."));
        if (planning.Budget is { } budget)
        {
            signals.AddRange(budget.PerYear.Where(y => y.HasShortfall)
                .Select(y => $"In {y.Year} is {PlanText.Money(y.Total)} gepland tegen een begroting van {PlanText.Money(y.Begroting)}: {PlanText.Money(y.Shortfall)} tekort."));
        }
        signals.AddRange(d.Actions.Where(a => string.IsNullOrWhiteSpace(a.OwnerPerson))
            .Select(a => $"{a.Label} ‘{a.Title}’ heeft geen eigenaar bij naam (alleen de afdeling {a.OwnerDepartment})."));
        return signals;
    }
}
