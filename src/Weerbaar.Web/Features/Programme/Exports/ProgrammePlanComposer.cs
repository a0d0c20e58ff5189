using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>
/// The programmaplan in its usual structure (aanleiding, doelen, aanpak per pijler, organisatie, planning, middelen,
/// risico's), composed once as a <see cref="ReportDocument"/>: the page, the PDF, Word and Excel render these blocks.
/// </summary>
public static partial class ProgrammePlanComposer
{
    public const string NotDescribed = "Nog niet beschreven.";

    public static ReportDocument Compose(ProgrammePlanData d)
    {
        var p = d.Programme;
        var blocks = new List<ReportBlock> { KeyFacts(d) };

        blocks.Add(new ReportHeading(1, "aanleiding", "1. Aanleiding"));
        blocks.Add(Markdown("aanleiding", p.Background));
        blocks.Add(new ReportHeading(1, "doelen", "2. Doelen"));
        blocks.Add(Markdown("doelen", p.Goals));

        blocks.Add(new ReportHeading(1, "aanpak", "3. Aanpak per pijler"));
        blocks.AddRange(Approach(d));
        blocks.Add(new ReportHeading(1, "organisatie", "4. Organisatie"));
        blocks.AddRange(Organisation(d));
        blocks.Add(new ReportHeading(1, "planning", "5. Planning"));
        blocks.AddRange(Schedule(d));
        blocks.Add(new ReportHeading(1, "middelen", "6. Middelen"));
        blocks.AddRange(Means(d));
        blocks.Add(new ReportHeading(1, "risicos", "7. Risico's"));
        blocks.AddRange(Risks(d));

        return new ReportDocument("programmaplan", $"Programmaplan {d.Gemeente.Name}", p.Name, d.Today, d.Actions.Count, blocks)
        {
            CoverMeta = $"gemeente {d.Gemeente.Name} · regisseur {p.Regisseur ?? "nog niet benoemd"}",
            // The chapters with tables of eight columns: on portrait A4 their Dutch compound words would break.
            LandscapeChapters = new HashSet<string>(["aanpak", "organisatie", "planning"]),
        };
    }

    public static string FileName(ProgrammePlanData d, string extension) => $"programmaplan-{ReportFileName.Slug(d.Gemeente.Name)}-{d.Today:yyyy-MM-dd}.{extension}";

    private static ReportBlock Markdown(string key, string? text) => string.IsNullOrWhiteSpace(text)
        ? new ReportParagraph(NotDescribed)
        : new ReportNarrativeBlock(key, text);

    private static ReportTable Table(string key, string caption, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<ReportCell>> rows, IReadOnlyList<int>? weights = null)
        => new(key, caption, columns, [.. rows], null) { CountsRespondents = false, ColumnWeights = weights };

    private static ReportTable KeyFacts(ProgrammePlanData d)
    {
        var p = d.Programme;
        return Table("kerngegevens", "Kerngegevens van het programma", ["Onderdeel", "Gegeven"],
        [
            ["Gemeente", d.Gemeente.Name],
            ["Programma", p.Name],
            ["Regisseur", Regisseur(p)],
            ["Looptijd", p.EndDate is { } end ? $"{PlanText.Date(p.StartDate)} tot en met {PlanText.Date(end)}" : $"vanaf {PlanText.Date(p.StartDate)}"],
            ["Herziening", $"{PlanText.ReviewCycle(p.ReviewCycleMonths)}"],
            ["Acties", Format.Number(d.Actions.Count)],
            ["Beschikbare inzet", $"{PlanText.Fte(p.AvailableFte)} per maand"],
            ["Begroting", p.Budget.Count == 0 ? "nog niet vastgelegd" : string.Join("; ", p.Budget.OrderBy(b => b.Year).Select(b => $"{b.Year}: {PlanText.Money(b.Amount)}"))],
        ], [30, 70]);
    }

    public static string Regisseur(GemeenteProgramme p) => p.Regisseur is { Length: > 0 } r
        ? p.RegisseurDepartment is { Length: > 0 } dept ? $"{r} ({dept})" : r
        : "nog niet benoemd";

    /// <summary>"Afdeling – persoon", with the sociaal domein said in words.</summary>
    public static string Owner(ProgrammeAction a)
    {
        var owner = a.OwnerPerson is { Length: > 0 } person ? $"{a.OwnerDepartment} – {person}" : a.OwnerDepartment;
        return a.OwnerIsSocialDomain ? owner + " (sociaal domein)" : owner;
    }

    public static string Gap(ProgrammeAction a) => a.GapDescription is { Length: > 0 } text
        ? text
        : a.GapKind is { } kind ? GapKinds.Label(kind) : "–";

    private static IEnumerable<ReportBlock> Approach(ProgrammePlanData d)
    {
        if (d.Actions.Count == 0)
        {
            yield return new ReportParagraph("Het programma heeft nog geen acties.");
            yield break;
        }
        var social = d.Actions.Count(a => a.OwnerIsSocialDomain);
        var pillars = d.Catalogue.Pillars.Where(p => d.Actions.Any(a => a.Pillar == p.Code))
            .Concat(d.Actions.Select(a => a.Pillar).Distinct().Where(c => d.Catalogue.Pillars.All(p => p.Code != c)).Select(c => new Scenarios.CodeName(c, c)))
            .ToList();
        yield return new ReportParagraph(
            $"Het programma telt {Count(d.Actions.Count, "actie", "acties")} in {Count(pillars.Count, "pijler", "pijlers")}; "
            + (social == 0 ? "geen enkele actie heeft een eigenaar in het sociaal domein." : $"bij {Count(social, "actie", "acties")} ligt het eigenaarschap in het sociaal domein."));
        var i = 0;
        foreach (var pillar in pillars)
        {
            i++;
            var actions = d.Actions.Where(a => a.Pillar == pillar.Code).ToList();
            yield return new ReportHeading(2, $"pijler-{pillar.Code.ToLowerInvariant()}", $"3.{i} {pillar.Name}");
            var done = actions.Count(a => a.Status == ActionStatus.Done);
            yield return new ReportParagraph($"{Count(actions.Count, "actie", "acties")}, waarvan {Format.Number(done)} afgerond.");
            yield return Table($"acties-{pillar.Code.ToLowerInvariant()}", $"Acties van de pijler {pillar.Name}",
                ["Actie", "Titel", "Knelpunt dat de actie aanpakt", "Eigenaar", "Partners", "Start", "Deadline", "Status"],
                actions.Select(a => (IReadOnlyList<ReportCell>)[a.Label, a.Title, Gap(a), Owner(a), Partners(d, a.Partners),
                    PlanText.ShortDate(a.StartDate), PlanText.ShortDate(a.Deadline), ActionStatus.Label(a.Status)]),
                [6, 17, 17, 15, 15, 10, 10, 10]);
        }
    }

    private static string Partners(ProgrammePlanData d, List<string> partners)
        => partners.Count == 0 ? "–" : string.Join(", ", partners.Select(d.PartnerName));

    internal static string Count(int n, string one, string many) => $"{Format.Number(n)} {(n == 1 ? one : many)}";
}
