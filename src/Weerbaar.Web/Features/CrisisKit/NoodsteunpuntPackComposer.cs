using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// A noodsteunpunt pack as a <see cref="ReportDocument"/>, so the PDF and the offline HTML come from the renderers every
/// other document uses. Written for a volunteer with the power out: the point, the map, who lives around it, who to
/// call and how, what the college decided about scarce goods, what to do first, and sheets to write on.
/// </summary>
public static class NoodsteunpuntPackComposer
{
    public const string MapId = "kaart-noodsteunpunt";
    public const int LogRows = 18;

    public static ReportDocument Compose(NoodsteunpuntPackContent p, PackStamp stamp)
    {
        var blocks = new List<ReportBlock>
        {
            new ReportHeading(1, "punt", "Het noodsteunpunt"),
            Intro(p.Gemeente, stamp),
            Facts(p.Point),
        };
        if (PackMapSvg.For(p, MapId) is { } map)
        {
            blocks.Add(map);
        }
        else
        {
            blocks.Add(new ReportParagraph("Geen kaart: het noodsteunpunt heeft geen coördinaten in het register."));
        }

        blocks.Add(new ReportHeading(1, "gebied", "Verzorgingsgebied en bewoners"));
        var c = p.Catchment;
        blocks.Add(new ReportParagraph(c.Buurten.Count == 0
            ? "Geen buurt heeft dit noodsteunpunt als dichtstbijzijnde."
            : $"{c.Buurten.Count} buurten hebben dit noodsteunpunt als dichtstbijzijnde, met samen {Format.Number(c.Residents)} inwoners. "
                + $"Naar schatting {Format.Number(c.NotSelfReliant, 0)} van hen redden zich geen 72 uur zelf. Normafstand {Format.Number(c.NormMeters, 0)} meter over de weg "
                + $"(hemelsbreed × {Format.Number(c.DetourFactor, 1)})."));
        blocks.Add(new ReportTable("buurten", "Buurten in het verzorgingsgebied", ["Buurt", "Inwoners", "Niet 72 uur zelfredzaam (schatting)", "Afstand over de weg", "Binnen de norm"],
            [.. c.Buurten.Select(b => (IReadOnlyList<ReportCell>)[b.Name, new ReportCell(Format.Number(b.Residents), b.Residents),
                new ReportCell(Format.Number(b.NotSelfReliant, 0), b.NotSelfReliant), b.DistanceMeters is { } d ? new ReportCell($"{Format.Number(d, 0)} m", d) : "onbekend",
                b.WithinNorm ? "ja" : "nee"])], null, "Bron: CBS (inwoners per buurt); schatting en afstand: Weerbaar.")
        { CountsRespondents = false });

        blocks.Add(new ReportHeading(1, "locaties", "Kwetsbare locaties in het gebied"));
        if (p.Locations is null)
        {
            blocks.Add(new ReportParagraph("Niet in deze uitgave: het register van kwetsbare locaties staat alleen in packs voor wie het register van de gemeente mag bijhouden."));
        }
        else if (p.Locations.Count == 0)
        {
            blocks.Add(new ReportParagraph("Geen kwetsbare locatie in het register ligt het dichtst bij dit noodsteunpunt."));
        }
        else
        {
            blocks.Add(new ReportTable("locaties", "Kwetsbare locaties, wie het eerst in de problemen komt bovenaan", ["Locatie", "Soort", "Mensen", "Houdt het uit", "Contact", "Telefoon"],
                [.. p.Locations.Select(l => (IReadOnlyList<ReportCell>)[l.Address is { } a ? $"{l.Name}, {a}" : l.Name, l.Category, new ReportCell(Format.Number(l.People), l.People),
                    l.HoldsOutHours is { } h ? new ReportCell($"{h} uur", h) : "onbekend", l.ContactName ?? "", l.ContactPhone ?? ""])], null,
                "Houdt het uit: de kortste van de uren zonder stroom, water of communicatie uit het register.")
            { CountsRespondents = false });
        }

        blocks.Add(new ReportHeading(1, "voorraad", "Voorzieningen, voorraad en noodstroom"));
        blocks.Add(new ReportParagraph(p.Point.Facilities.Count == 0 ? "Geen voorzieningen vastgelegd." : "Aanwezig: " + string.Join(", ", p.Point.Facilities) + "."));
        blocks.Add(p.Stock.Count == 0
            ? new ReportParagraph("Geen voorraad vastgelegd in het verdeelplan voor schaarse middelen.")
            : new ReportTable("voorraad", "Voorraad volgens het verdeelplan", ["Middel", "Bij de start", "Leveringen (per 6 uur)"],
                [.. p.Stock.Select(s => (IReadOnlyList<ReportCell>)[s.Resource, new ReportCell($"{Format.Number(s.Initial, 0)} {s.Unit}".Trim(), s.Initial),
                    s.Deliveries.Any(d => d > 0) ? string.Join(" · ", s.Deliveries.Select((d, i) => $"{i * 6}–{(i + 1) * 6} uur: {Format.Number(d, 0)}")) : "geen"])], null)
            { CountsRespondents = false });

        blocks.Add(new ReportHeading(1, "bezetting", "Bezetting en rooster"));
        blocks.Add(new ReportParagraph($"Medewerkers: {Format.Number(p.Point.Staff)}; vrijwilligers: {Format.Number(p.Point.Volunteers)}; diensten per 24 uur: {Format.Number(p.Point.ShiftsPerDay)}."));
        var shifts = Math.Clamp(p.Point.ShiftsPerDay ?? 3, 1, 6);
        blocks.Add(new ReportTable("rooster", "Rooster (in te vullen)", ["Dienst", "Van – tot", "Naam", "Telefoon", "Taak"],
            [.. Enumerable.Range(1, shifts * 3).Select(i => (IReadOnlyList<ReportCell>)[$"Dag {(i - 1) / shifts + 1}, dienst {(i - 1) % shifts + 1}", "", "", "", ""])], null)
        { CountsRespondents = false });

        blocks.Add(new ReportHeading(1, "contacten", "Wie bel je"));
        blocks.Add(new ReportParagraph("Als de telefoon niet werkt: gebruik het alternatief in de laatste kolom. "
            + (p.Point.Means.Count > 0 ? "Op dit noodsteunpunt: " + string.Join(", ", p.Point.Means) + "." : "Dit noodsteunpunt heeft geen eigen noodcommunicatie vastgelegd.")));
        blocks.Add(Contacts(p.Contacts));

        Allocation(p.Rules, blocks);

        blocks.Add(new ReportHeading(1, "checklist", "Checklist eerste 72 uur"));
        blocks.Add(p.Checklist.Count == 0
            ? new ReportParagraph("Het programmaplan heeft nog geen acties voor de eerste 72 uur.")
            : new ReportTable("checklist-tabel", "Acties voor de eerste 72 uur uit het programmaplan", ["Gedaan", "Actie", "Wat", "Wie"],
                [.. p.Checklist.Select(i => (IReadOnlyList<ReportCell>)["☐", i.Action, i.Description is { } d ? $"{i.Title}: {d}" : i.Title, i.Owner])], null)
            { CountsRespondents = false });

        LogSheet(blocks);

        return new ReportDocument($"Noodsteunpunt {p.Point.Name}", $"Noodsteunpunt {p.Point.Name}", $"Crisiskit · gemeente {p.Gemeente.Name}", stamp.Created, 0, blocks)
        {
            CoverMeta = stamp.Version == 0 ? "Concept: nog niet als versie uitgereikt" : $"Versie {stamp.Version}",
            PageFooter = stamp.Footer,
            FrontMatter = false,
        };
    }

    internal static ReportParagraph Intro(PackGemeente g, PackStamp stamp) => new($"Crisiskit van de gemeente {g.Name} (veiligheidsregio {g.VeiligheidsregioName}). "
        + $"{(stamp.Version == 0 ? "Concept (nog geen uitgereikte versie)" : $"Versie {stamp.Version}")}, gemaakt op {stamp.Created.ToString("d MMMM yyyy", Format.Dutch)}. "
        + $"Controlegetal (SHA-256 van de inhoud): {stamp.Sha256}. Vergelijk versie en datum met het register van de gemeente: een nieuwere versie vervangt deze.");

    internal static ReportBlock Contacts(IReadOnlyList<PackContact> contacts) => contacts.Count == 0
        ? new ReportParagraph("Geen contacten vastgelegd.")
        : new ReportTable("contacten", "Contacten", ["Organisatie", "Naam of functie", "Telefoon", "Bereikbaar", "Als de telefoon niet werkt"],
            [.. contacts.Select(k => (IReadOnlyList<ReportCell>)[$"{k.Organisation} ({k.Category})", k.Name ?? "", k.Phone ?? k.Email ?? "", k.Available ?? "",
                k.AlternativeMeans.Count == 0 ? "–" : string.Join("; ", k.AlternativeMeans)])], null)
        { CountsRespondents = false };

    /// <summary>The college's allocation rules in plain Dutch: the policy, who goes first and why, and the decision they rest on.</summary>
    internal static void Allocation(PackAllocationRules? rules, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "verdeling", "Verdeling van schaarse middelen"));
        if (rules is null)
        {
            blocks.Add(new ReportParagraph("Het college heeft nog geen verdeelplan vastgelegd. Tot dat er is: eerst wie zich het minst zelf kan redden."));
        }
        else
        {
            blocks.Add(new ReportParagraph($"Regel: {rules.Policy}. {rules.PolicyExplanation} "
                + (rules.MinimumServiceLevel > 0 ? $"Iedereen binnen bereik krijgt zo mogelijk ten minste {Format.Percent(rules.MinimumServiceLevel, 0)} van wat nodig is. " : "")
                + $"Wie verder dan {Format.Number(rules.MaxDistanceMeters, 0)} meter woont, valt buiten het bereik van een noodsteunpunt."));
            blocks.Add(new ReportTable("volgorde", "Wie gaat voor (1 = eerst)", ["Volgorde", "Groep", "Waarom"],
                [.. rules.Groups.Select(g => (IReadOnlyList<ReportCell>)[new ReportCell(g.Tier.ToString(Format.Dutch), g.Tier), g.Group, g.Why])], null)
            { CountsRespondents = false });
            blocks.Add(new ReportParagraph(rules.Decision is { } d
                ? $"Besluit {d.Number} van {d.DecisionDate.ToString("d MMMM yyyy", Format.Dutch)} (vastgesteld door {d.ApprovedBy}): {d.Title}. Scenario: {d.ScenarioName}. Onderbouwing: {d.Rationale}"
                : "Er is nog geen besluit van het college vastgelegd in het afwegingskader."));
        }
    }

    internal static void LogSheet(List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "logboek", "Logboek"));
        blocks.Add(new ReportTable("logboek-tabel", "Logboek (in te vullen)", ["Tijd", "Wat gebeurde er", "Wie", "Actie"],
            [.. Enumerable.Range(0, LogRows).Select(_ => (IReadOnlyList<ReportCell>)["", "", "", ""])], null)
        { CountsRespondents = false });
    }

    private static ReportTable Facts(PackPoint n) => new("gegevens", "Gegevens", ["Onderdeel", "Gegeven"],
    [
        ["Adres", string.Join(", ", new[] { n.Address, n.Postcode }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } a ? a : "onbekend"],
        ["Soort gebouw", n.BuildingType ?? "onbekend"],
        ["Status", n.Status],
        ["Capaciteit", n.Capacity is { } cap ? $"{Format.Number(cap)} mensen tegelijk" : "onbekend"],
        ["Openen", n.OpeningArrangement ?? "niet vastgelegd"],
        ["Noodstroom", n.HasBackupPower ? n.BackupPowerHours is { } h ? $"ja, {h} uur" : "ja" : "nee"],
        ["Noodcommunicatie", n.Means.Count > 0 ? string.Join(", ", n.Means) : "geen"],
        ["Contactpersoon", string.Join(", ", new[] { n.ContactName, n.ContactPhone, n.ContactEmail }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } k ? k : "niet vastgelegd"],
        ["Partners", n.Partners ?? "geen"],
        ["Coördinaten", n.Latitude is { } lat && n.Longitude is { } lon ? $"{lat.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture)}, {lon.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture)}" : "onbekend"],
    ], null)
    { CountsRespondents = false };
}
