using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit.Team;

/// <summary>
/// The crisis team pack as a <see cref="ReportDocument"/>: the situation in a few sentences, every noodsteunpunt on one
/// map and in one table, the buurten out of reach, the allocation rules and the decision, the chosen scenario with what
/// is being done about it, who to call, and the vulnerable locations in the order they run into trouble.
/// </summary>
public static class CrisisTeamPackComposer
{
    public static ReportDocument Compose(CrisisTeamPackContent p, PackStamp stamp)
    {
        var c = p.Coverage;
        var blocks = new List<ReportBlock> { new ReportHeading(1, "samenvatting", "De gemeente in het kort"), NoodsteunpuntPackComposer.Intro(p.Gemeente, stamp) };
        blocks.Add(new ReportList([.. p.Summary,
            c.ShareCovered is { } share
                ? $"{Format.Percent(share, 0)} van de inwoners van buurten met een locatie woont binnen {Format.Number(c.NormMeters, 0)} meter over de weg van een noodsteunpunt "
                    + $"({Format.Number(c.ResidentsCovered)} van {Format.Number(c.Residents)}); de norm vraagt {Format.Number(c.PointsNeeded)} noodsteunpunten."
                : "Geen buurt heeft een locatie: het bereik van de noodsteunpunten is onbekend.",
            $"Naar schatting {Format.Number(c.NotSelfReliant, 0)} inwoners redden zich geen 72 uur zelf; {Format.Number(c.NotSelfReliantCovered, 0)} van hen wonen binnen de normafstand."]));
        blocks.Add(new ReportParagraph("Bron: CBS (inwoners per buurt) en de foto van Weerbaar."));

        blocks.Add(new ReportHeading(1, "noodsteunpunten", "Noodsteunpunten en hun verzorgingsgebied"));
        if (CrisisTeamMapSvg.For(p) is { } map)
        {
            blocks.Add(map);
        }
        blocks.Add(p.Points.Count == 0
            ? new ReportParagraph("Er zijn nog geen noodsteunpunten vastgelegd.")
            : new ReportTable("noodsteunpunten-tabel", "Noodsteunpunten (het nummer staat ook op de kaart)",
                ["Nr.", "Noodsteunpunt", "Status", "Capaciteit", "Inwoners in het gebied", "Niet 72 uur zelfredzaam", "Noodstroom", "Contact"],
                [.. p.Points.Select(n => (IReadOnlyList<ReportCell>)[new ReportCell(n.Number.ToString(Format.Dutch), n.Number), n.Address is { } a ? $"{n.Name}, {a}" : n.Name, n.Status,
                    n.Capacity is { } cap ? new ReportCell(Format.Number(cap), cap) : "onbekend",
                    new ReportCell($"{Format.Number(n.Residents)} ({Format.Number(n.Buurten)} buurten)", n.Residents),
                    new ReportCell(Format.Number(n.NotSelfReliant, 0), n.NotSelfReliant),
                    n.HasBackupPower ? n.BackupPowerHours is { } h ? $"ja, {h} uur" : "ja" : "nee",
                    string.Join(", ", new[] { n.ContactName, n.ContactPhone }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } k ? k : "–"])],
                null, "Verzorgingsgebied: de buurten waarvoor dit het dichtstbijzijnde noodsteunpunt is (hemelsbreed × omrijfactor).")
            { CountsRespondents = false });
        var outside = p.Buurten.Where(b => !b.WithinNorm).OrderByDescending(b => b.NotSelfReliant).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            var names = p.Points.ToDictionary(n => n.Number, n => n.Name);
            blocks.Add(new ReportTable("buiten-bereik", "Buurten buiten de normafstand, de meeste niet-zelfredzamen bovenaan",
                ["Buurt", "Inwoners", "Niet 72 uur zelfredzaam", "Dichtstbijzijnde noodsteunpunt", "Afstand over de weg"],
                [.. outside.Select(b => (IReadOnlyList<ReportCell>)[b.Name, new ReportCell(Format.Number(b.Residents), b.Residents), new ReportCell(Format.Number(b.NotSelfReliant, 0), b.NotSelfReliant),
                    b.Point is { } n ? $"{n}. {names[n]}" : "geen (zonder locatie)", b.DistanceMeters is { } d ? new ReportCell($"{Format.Number(d, 0)} m", d) : "onbekend"])],
                null, "Bron: CBS (inwoners per buurt); schatting en afstand: Weerbaar.")
            { CountsRespondents = false });
        }

        NoodsteunpuntPackComposer.Allocation(p.Rules, blocks);
        Scenario(p.Scenario, blocks);

        blocks.Add(new ReportHeading(1, "contacten", "Wie bel je"));
        blocks.Add(new ReportParagraph("Als de telefoon niet werkt: gebruik het alternatief in de laatste kolom."));
        blocks.Add(NoodsteunpuntPackComposer.Contacts(p.Contacts));

        blocks.Add(new ReportHeading(1, "locaties", "Kwetsbare locaties naar hoe lang ze het uithouden"));
        if (p.Locations is null)
        {
            blocks.Add(new ReportParagraph("Niet in deze uitgave: het register van kwetsbare locaties staat alleen in packs voor wie het register van de gemeente mag bijhouden."));
        }
        else if (p.Locations.Count == 0)
        {
            blocks.Add(new ReportParagraph("Het register van kwetsbare locaties is leeg."));
        }
        else
        {
            blocks.Add(new ReportTable("locaties-tabel", "Kwetsbare locaties, wie het eerst in de problemen komt bovenaan",
                ["Locatie", "Mensen", "Zonder stroom", "Zonder water", "Zonder communicatie", "Noodsteunpunt", "Contact"],
                [.. p.Locations.Select(t => (IReadOnlyList<ReportCell>)[$"{t.Location.Name} ({t.Location.Category})", new ReportCell(Format.Number(t.Location.People), t.Location.People),
                    Hours(t.Location.HoursWithoutPower), Hours(t.Location.HoursWithoutWater), Hours(t.Location.HoursWithoutCommunication),
                    t.Point is { } n ? $"{n}. {t.PointName}" : "geen locatie",
                    string.Join(", ", new[] { t.Location.ContactName, t.Location.ContactPhone }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } k ? k : "–"])],
                null, "Uren dat de locatie het zelf uithoudt, uit het register; gesorteerd op de kortste van de drie.")
            { CountsRespondents = false });
        }

        NoodsteunpuntPackComposer.LogSheet(blocks);

        return new ReportDocument($"Crisisteam {p.Gemeente.Name}", $"Crisisteam {p.Gemeente.Name}", $"Crisiskit · gemeente {p.Gemeente.Name}", stamp.Created, 0, blocks)
        {
            CoverMeta = stamp.Version == 0 ? "Concept: nog niet als versie uitgereikt" : $"Versie {stamp.Version}",
            PageFooter = stamp.Footer,
            FrontMatter = false,
        };
    }

    private static void Scenario(TeamScenario? s, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "scenario", "Gekozen scenario en maatregelen"));
        if (s is null)
        {
            blocks.Add(new ReportParagraph("Het college heeft in het afwegingskader nog niet gekozen op welke crisis de gemeente zich eerst voorbereidt."));
            return;
        }
        blocks.Add(new ReportParagraph($"{s.Name}. {s.Description}".Trim()
            + (s.TypicalDurationHours > 0 ? $" Duur doorgaans {Format.Number(s.TypicalDurationHours)} uur." : "")
            + (s.VitalServices.Count > 0 ? $" Geraakt: {string.Join(", ", s.VitalServices)}." : "")
            + (s.ScarceResources.Count > 0 ? $" Schaars: {string.Join(", ", s.ScarceResources)}." : "")));
        blocks.Add(s.Actions.Count == 0
            ? new ReportParagraph("Het programmaplan heeft nog geen acties voor dit scenario.")
            : new ReportTable("scenario-acties", "Acties in het programmaplan voor dit scenario", ["Actie", "Wat", "Fase", "Wie", "Status", "Klaar op"],
                [.. s.Actions.Select(a => (IReadOnlyList<ReportCell>)[a.Reference, a.Title, a.Phase, a.Owner ?? "", a.Status ?? "",
                    a.Deadline is { } d ? d.ToString("d-M-yyyy", Format.Dutch) : ""])], null)
            { CountsRespondents = false });
        if (s.OpenMeasures.Count > 0)
        {
            blocks.Add(new ReportTable("scenario-open", "Maatregelen uit de landelijke catalogus voor dit scenario die nog niet in het programma staan", ["Code", "Maatregel", "Fase"],
                [.. s.OpenMeasures.Select(m => (IReadOnlyList<ReportCell>)[m.Reference, m.Title, m.Phase])], null)
            { CountsRespondents = false });
        }
    }

    private static ReportCell Hours(int? hours) => hours is { } h ? new ReportCell($"{Format.Number(h)} uur", h) : "onbekend";
}
