using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>A decision record with the records around it: the one it corrects and the one that corrects it.</summary>
public sealed record DecisionView(string GemeenteName, DecisionRecord Record, DecisionInputs Inputs, int? CorrectsNumber, int? CorrectedByNumber);

/// <summary>
/// A decision record as a collegevoorstel (the usual Dutch shape: voorstel, aanleiding, beoogd effect, argumenten,
/// kanttekeningen, financiën, communicatie, vervolg, bijlagen). The record page shows it and the Word export renders
/// the same blocks, so the college reads what the coordinator recorded.
/// </summary>
public static class CollegevoorstelComposer
{
    public const string NotRecorded = "niet vastgelegd";

    public static ReportDocument Compose(DecisionView v)
    {
        var r = v.Record;
        var i = v.Inputs;
        var blocks = new List<ReportBlock>
        {
            new ReportTable("kop", "Gegevens van het voorstel", ["Onderdeel", "Gegeven"],
            [
                ["Gemeente", v.GemeenteName],
                ["Onderwerp", r.Title],
                ["Datum besluit", Date(r.DecisionDate)],
                ["Registratienummer", RegistrationNumber(r)],
                ["Portefeuillehouder / opgesteld door", r.PreparedBy],
                ["Vastgesteld door", r.ApprovedBy],
                ["Scenario", r.ScenarioName],
                ["Vastgelegd", $"{Format.Moment(r.RecordedAt)} door {r.RecordedBy}"],
            ], null),
            new ReportHeading(1, "voorstel", "Voorstel"),
            new ReportParagraph("Het college besluit:"),
            new ReportList([
                $"de voorbereiding op crises in de koude fase eerst te richten op het scenario ‘{r.ScenarioName}’;",
                $"in te stemmen met het onderwerp van dit besluit: {r.Title};",
                "de coördinator te vragen dit besluit uit te werken in het programmaplan.",
            ]),
            new ReportHeading(1, "aanleiding", "Aanleiding"),
        };
        if (v.CorrectsNumber is { } corrects)
        {
            blocks.Add(new ReportParagraph($"Dit besluit corrigeert besluit {corrects}. Reden: {i.CorrectionReason ?? NotRecorded}"));
        }
        blocks.Add(new ReportParagraph(
            $"Met het afwegingskader van Weerbaar heeft de gemeente {v.GemeenteName} de crisisscenario's beoordeeld op risico en op de eigen voorbereiding. "
            + $"Op het moment van vastleggen waren {Format.Number(i.Assessments.Count)} scenario's beoordeeld met de risicomethode {i.RiskMethodVersion}"
            + (i.Scan is { } s ? $" en kwamen de scanresultaten uit de ronde ‘{s.Name}’." : "; er waren nog geen ingezonden scanresultaten.")));
        if (v.CorrectedByNumber is { } newer)
        {
            blocks.Add(new ReportParagraph($"Let op: dit besluit is later gecorrigeerd door besluit {newer}."));
        }
        blocks.Add(new ReportHeading(1, "beoogd-effect", "Beoogd effect"));
        blocks.Add(new ReportParagraph(
            $"De gemeente bereidt zich eerst voor op het scenario ‘{r.ScenarioName}’, zodat de beperkte tijd en middelen in de koude fase gaan naar de crisis die het college het zwaarst laat wegen."));
        blocks.Add(new ReportHeading(1, "argumenten", "Argumenten"));
        blocks.AddRange(Paragraphs(r.Rationale).Select(p => new ReportParagraph(p)));
        blocks.Add(new ReportHeading(1, "kanttekeningen", "Kanttekeningen en risico's"));
        blocks.Add(new ReportList(Remarks(v)));
        blocks.Add(new ReportHeading(1, "financien", "Financiën"));
        blocks.Add(new ReportParagraph("n.v.t. in dit besluit."));
        blocks.Add(new ReportHeading(1, "communicatie", "Communicatie"));
        blocks.Add(new ReportParagraph(
            $"Het besluit is met zijn onderbouwing en de gebruikte gegevens vastgelegd in Weerbaar als besluit {r.Number}; de veiligheidsregio kan het daar inzien."));
        blocks.Add(new ReportHeading(1, "vervolg", "Vervolg"));
        blocks.Add(new ReportParagraph(
            $"De coördinator werkt het besluit uit in het programmaplan: maatregelen, eigenaren en planning voor het scenario ‘{r.ScenarioName}’."));
        blocks.Add(new ReportHeading(1, "bijlagen", "Bijlagen en gebruikte gegevens"));
        blocks.Add(new ReportParagraph($"De gegevens zoals ze waren op {Format.Moment(i.TakenAt)}, met hun versie."));
        blocks.AddRange(InputTables(i));
        return new ReportDocument($"besluit {r.Number}", "Collegevoorstel", r.Title, r.DecisionDate, 0, blocks)
        {
            CoverMeta = $"gemeente {v.GemeenteName} · registratienummer {RegistrationNumber(r)}",
            FrontMatter = false,
        };
    }

    public static string RegistrationNumber(DecisionRecord r) => $"{r.GemeenteCode}-besluit-{r.Number}";

    public static string FileName(DecisionRecord r) => $"collegevoorstel-{r.GemeenteCode.ToLowerInvariant()}-besluit-{r.Number}.docx";

    /// <summary>The input versions, the assessments and the ranking as tables (the record page shows the same).</summary>
    public static IEnumerable<ReportTable> InputTables(DecisionInputs i)
    {
        yield return new ReportTable("invoer", "Gebruikte gegevens en hun versie", ["Gegeven", "Versie", "Laatst gewijzigd", "Door"],
        [
            ["Landelijke scenariobibliotheek", $"{i.Library.Title} ({i.Library.Id}), versie {i.Library.Version}", "–", "landelijk"],
            ["Risicomethode", i.RiskMethodVersion, "–", "landelijk"],
            .. i.OwnScenarios.Select(s => (IReadOnlyList<ReportCell>)[$"Eigen scenario ‘{s.Name}’", Version(s.Version), Format.Moment(s.UpdatedAt), s.UpdatedBy]),
            i.Weights is { } w
                ? ["Prioriteitsgewichten", Version(w.Version), Format.Moment(w.UpdatedAt), w.UpdatedBy]
                : ["Prioriteitsgewichten", "standaardgewichten (geen eigen versie)", "–", "–"],
            i.Allocation is { } a
                ? ["Verdeelplan schaarse middelen", Version(a.Version), Format.Moment(a.UpdatedAt), a.UpdatedBy]
                : ["Verdeelplan schaarse middelen", "nog geen plan (standaardwaarden)", "–", "–"],
            i.Scan is { } s
                ? ["Weerbaarheidsscan", $"ronde ‘{s.Name}’ (geopend {Date(s.OpensOn)})", s.ResultsChangedAt is { } c ? Format.Moment(c) : "–", "de gemeente"]
                : ["Weerbaarheidsscan", "nog geen ingezonden scan", "–", "–"],
            ["Normen dekking noodsteunpunten", i.CoverageNorms.Version == 0 ? "landelijke standaard (versie 0)" : Version(i.CoverageNorms.Version),
                i.CoverageNorms.UpdatedAt is { } u ? Format.Moment(u) : "–", "–"],
            ["Register noodsteunpunten", $"{Format.Number(i.Noodsteunpunten.Count)} noodsteunpunten", i.Noodsteunpunten.LastChangedAt is { } n ? Format.Moment(n) : "–", "–"],
        ], null);

        yield return i.Assessments.Count == 0
            ? new ReportTable("beoordelingen", "Risicobeoordelingen van de gemeente", ["Scenario", "Methode", "Waarschijnlijkheid", "Eigen voorbereiding", "Versie", "Laatst gewijzigd"],
                [["Geen risicobeoordelingen vastgelegd", "–", "–", "–", "–", "–"]], null)
            : new ReportTable("beoordelingen", "Risicobeoordelingen van de gemeente", ["Scenario", "Methode", "Waarschijnlijkheid", "Eigen voorbereiding", "Versie", "Laatst gewijzigd"],
                [.. i.Assessments.Select(x => (IReadOnlyList<ReportCell>)[x.ScenarioName, x.MethodVersion, x.Likelihood ?? "–",
                    x.OwnPreparedness is { } p ? $"{p} van 5" : "–", Version(x.Version), $"{Format.Moment(x.UpdatedAt)} door {x.UpdatedBy}"])], null);

        yield return i.Ranking is { Count: > 0 } ranking
            ? new ReportTable("rangorde", "Prioriteitsrangorde die het college zag", ["Scenario", "Plaats", "Score"],
                [.. ranking.Select(x => (IReadOnlyList<ReportCell>)[x.Name, new ReportCell(Format.Number(x.Position), x.Position), new ReportCell(Format.Number(x.Score, 3), x.Score)])], null)
            : new ReportTable("rangorde", "Prioriteitsrangorde", ["Scenario", "Plaats", "Score"], [["Rangorde", NotRecorded, NotRecorded]], null);
    }

    private static List<string> Remarks(DecisionView v)
    {
        var r = v.Record;
        var i = v.Inputs;
        var remarks = new List<string>();
        if (i.Ranking is { Count: > 0 } ranking)
        {
            var place = ranking.FirstOrDefault(x => x.Code == r.ScenarioCode);
            remarks.Add(place is null
                ? $"Het gekozen scenario staat niet in de prioriteitsrangorde ({ranking.Count} scenario's)."
                : place.Position == 1
                    ? "Het gekozen scenario staat bovenaan de prioriteitsrangorde."
                    : $"Het gekozen scenario staat op plaats {place.Position} van de prioriteitsrangorde; bovenaan staat ‘{ranking[0].Name}’. De argumenten hierboven verantwoorden die keuze.");
        }
        else
        {
            remarks.Add("Bij dit besluit is geen prioriteitsrangorde vastgelegd.");
        }
        if (!i.Assessments.Any(a => a.ScenarioCode == r.ScenarioCode))
        {
            remarks.Add("Voor het gekozen scenario was bij het vastleggen geen risicobeoordeling van de gemeente vastgelegd.");
        }
        if (i.Assessments.Any(a => a.MethodVersion != i.RiskMethodVersion))
        {
            remarks.Add($"Niet alle beoordelingen zijn gegeven op de huidige risicomethode ({i.RiskMethodVersion}); zie de bijlage.");
        }
        remarks.Add("De andere scenario's blijven bestaan; het college kan dit besluit later corrigeren met een nieuw besluit.");
        return remarks;
    }

    private static IEnumerable<string> Paragraphs(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal)
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => p.Replace('\n', ' '));

    private static string Version(int version) => $"versie {version}";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Format.Dutch);
}
