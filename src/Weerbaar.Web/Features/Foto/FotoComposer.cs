using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Foto;

/// <summary>
/// The foto as a report document: the page shows it and the PDF and Word exports render the same blocks, so the college
/// reads the same tables and sentences the coordinator sees. Chapters are level-1 headings.
/// </summary>
public static class FotoComposer
{
    public const int TopBuurten = 10;

    /// <param name="map">The server-drawn map for the PDF and Word documents; the page has its own interactive map.</param>
    public static ReportDocument Compose(FotoData f, ReportMap? map = null)
    {
        var g = f.Gemeente;
        var blocks = new List<ReportBlock>();
        Summary(f, blocks);
        if (map is not null)
        {
            blocks.Add(new ReportHeading(1, "kaart", "Kaart"));
            blocks.Add(new ReportParagraph("De buurten zijn gekleurd naar kwetsbaarheidsklasse (het landelijke kwart waarin de buurt valt; hoe donkerder, hoe kwetsbaarder). "
                + (f.Locations is null ? "" : "Kwetsbare locaties staan als witte cirkels met een stip, ")
                + (f.Locations is null ? "Noodsteunpunten staan als blauwe vierkanten. " : "noodsteunpunten als blauwe vierkanten. ")
                + "De tabellen verderop geven dezelfde gegevens."));
            blocks.Add(map);
        }
        Position(f, blocks);
        Vulnerability(f, blocks);
        SelfReliance(f, blocks);
        Locations(f, blocks);
        Noodsteunpunten(f, blocks);
        AllBuurten(f, blocks);
        blocks.Add(new ReportHeading(1, "bronnen", "Bronnen"));
        blocks.Add(new ReportList([
            FotoData.CbsSource + " Aantallen per leeftijdsgroep zijn door het CBS afgerond op 5; cijfers van zeer kleine buurten houdt het CBS geheim.",
            "Kwetsbaarheidsindex: methode van de CDC/ATSDR Social Vulnerability Index, toegepast op de CBS-cijfers (docs/svi-method.md in Weerbaar).",
            "Register kwetsbare locaties, noodsteunpunten en aannames: de gemeente zelf.",
            "Weerbaarheidsscan: de antwoorden van de gemeenten; een gemiddelde staat er alleen als het naast de eigen gemeente minstens 5 andere gemeenten telt.",
        ]));
        return new ReportDocument($"foto {g.Name}", $"Foto van {g.Name}", "Weerbaarheid, kwetsbare inwoners en locaties", f.Date, 0, blocks)
        {
            CoverMeta = $"gemeente {g.Name} ({g.Code}) · {FotoData.CbsSource}",
        };
    }

    private static void Summary(FotoData f, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "samenvatting", "Samenvatting"));
        blocks.Add(new ReportList(SummaryItems(f)));
    }

    /// <summary>The foto in a few sentences (also the crisis team pack's summary).</summary>
    public static List<string> SummaryItems(FotoData f)
    {
        var g = f.Gemeente;
        var items = new List<string>
        {
            $"{g.Name} telt {Format.Number(g.Residents)} inwoners in {Format.Number(f.BuurtCount)} buurten met CBS-cijfers; {Format.Number(f.Sum(b => b.Age65Plus))} van hen zijn 65 jaar of ouder.",
        };
        if (f.Vulnerability is { } v)
        {
            var high = v.Buurten.Where(b => b.Class == 4).ToList();
            items.Add($"{Format.Number(high.Count)} buurten ({Format.Number(high.Sum(b => b.Residents ?? 0))} inwoners) vallen landelijk in de hoogste kwetsbaarheidsklasse (het kwart meest kwetsbare buurten van Nederland).");
        }
        items.Add(f.SelfReliance.Summary);
        items.Add(f.Locations is { } l
            ? $"Het register telt {Format.Number(l.Count)} kwetsbare locaties en groepen met samen {Format.Number(l.Sum(x => x.People))} personen."
            : "Het register kwetsbare locaties is alleen zichtbaar voor de gemeente en haar veiligheidsregio.");
        items.Add($"Er zijn {Format.Number(f.Noodsteunpunten.Count)} noodsteunpunten vastgelegd{(f.Noodsteunpunten.Count > 0 ? $", samen voor {Format.Number(f.Noodsteunpunten.Sum(n => n.Capacity ?? 0))} personen" : "")}.");
        return items;
    }

    private static void Position(FotoData f, List<ReportBlock> blocks)
    {
        if (f.Position is null)
        {
            blocks.Add(new ReportHeading(1, "positie-scan", "Positie in de Weerbaarheidsscan"));
            blocks.Add(new ReportParagraph($"{f.Gemeente.Name} heeft nog geen ingevulde Weerbaarheidsscan verstuurd; zodra dat gebeurt, staat hier hoe de gemeente zich verhoudt tot vergelijkbare gemeenten."));
            return;
        }
        // The section's own headings start at level 2; here it is a chapter.
        blocks.AddRange(ScanPositionBlocks.For(f.Position).Select(b => b is ReportHeading h ? h with { Level = Math.Max(1, h.Level - 1) } : b));
    }

    private static void Vulnerability(FotoData f, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "kwetsbaarheid", "Kwetsbaarheid per buurt"));
        if (f.Vulnerability is not { } v)
        {
            blocks.Add(new ReportParagraph("Voor deze gemeente is geen kwetsbaarheidsindex berekend (geen buurten met CBS-cijfers)."));
            return;
        }
        var themes = string.Join("; ", v.Indicators.GroupBy(i => i.Theme).Select(t => $"{t.Key}: {string.Join(", ", t.Select(i => i.Label))}"));
        blocks.Add(new ReportParagraph($"De kwetsbaarheidsindex ({v.SetName}, versie {v.SetVersion}) volgt de methode van de CDC/ATSDR Social Vulnerability Index: "
            + $"elke indicator wordt een percentielrang over alle buurten van Nederland, de rangen worden per thema en in totaal opgeteld en opnieuw gerangschikt. "
            + $"Indicatoren per thema — {themes}. De klasse is het landelijke kwart waarin de buurt valt. De plaats in de gemeente komt uit dezelfde berekening over alleen de buurten van {f.Gemeente.Name} "
            + "(zoals de CDC de index ook per staat berekent); daardoor kan de volgorde binnen de gemeente afwijken van die van het landelijke percentiel."));
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var (cls, _) in FotoData.ClassColours)
        {
            var inClass = v.Buurten.Where(b => b.Class == cls).ToList();
            rows.Add([VulnerabilityIndex.ClassLabel(cls), ReportText.Whole(inClass.Count), ReportText.Whole(inClass.Sum(b => b.Residents ?? 0)), ReportText.Whole(inClass.Sum(b => b.Age65Plus ?? 0)), ReportText.Whole(inClass.Sum(b => b.Age0To15 ?? 0))]);
        }
        var excluded = v.Buurten.Where(b => b.Class is null).ToList();
        if (excluded.Count > 0)
        {
            rows.Add(["Niet berekend", ReportText.Whole(excluded.Count), ReportText.Whole(excluded.Sum(b => b.Residents ?? 0)), ReportText.Whole(excluded.Sum(b => b.Age65Plus ?? 0)), ReportText.Whole(excluded.Sum(b => b.Age0To15 ?? 0))]);
        }
        blocks.Add(new ReportTable("kwetsbaarheid-klassen", $"Buurten en inwoners van {f.Gemeente.Name} per kwetsbaarheidsklasse (Bron: CBS)",
            ["Klasse", "Buurten", "Inwoners", "65 jaar en ouder", "0–15 jaar"], rows, null));
        var top = v.Buurten.Where(b => b.LocalRank is not null).OrderBy(b => b.LocalRank).Take(TopBuurten).ToList();
        blocks.Add(new ReportTable("kwetsbaarheid-top", $"De {top.Count} meest kwetsbare buurten van {f.Gemeente.Name} (Bron: CBS)",
            ["Plaats", "Buurt", "Inwoners", "65+", "Toelichting"],
            top.Select(b => (IReadOnlyList<ReportCell>)[ReportText.Whole(b.LocalRank!.Value), b.Name, ReportText.Whole(b.Residents), ReportText.Whole(b.Age65Plus), VulnerabilityIndex.Summary(v, b)]).ToList(), null));
    }

    private static void SelfReliance(FotoData f, List<ReportBlock> blocks)
    {
        var s = f.SelfReliance;
        blocks.Add(new ReportHeading(1, "zelfredzaamheid", "Niet 72 uur zelfredzaam"));
        blocks.Add(new ReportParagraph(s.Summary + " Dit is een schatting met de aannames hieronder; de gemeente kan ze aanpassen."));
        blocks.Add(new ReportTable("zelfredzaamheid-aannames", "Aannames van de schatting",
            ["Aanname", "Waarde", "Standaard"],
            s.Assumptions.Select(a => (IReadOnlyList<ReportCell>)[a.Label, Assumption(a.Value, a.IsShare), Assumption(a.Default, a.IsShare)]).ToList(), null));
        var top = s.Buurten.OrderByDescending(b => b.Estimate.Total).Take(TopBuurten).ToList();
        blocks.Add(new ReportTable("zelfredzaamheid-top", $"De {top.Count} buurten met de meeste inwoners die zich niet 72 uur zelf redden (Bron: CBS; register en aannames van de gemeente)",
            ["Buurt", "Inwoners", "Niet 72 uur zelfredzaam", "Toelichting"],
            top.Select(b => (IReadOnlyList<ReportCell>)[b.Name, ReportText.Whole(b.Residents), ReportText.Whole(SelfRelianceSentences.People(b.Estimate.Total)), b.Sentence]).ToList(), null));
    }

    private static void Locations(FotoData f, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "locaties", "Kwetsbare locaties"));
        if (f.Locations is not { } list)
        {
            blocks.Add(new ReportParagraph("Het register kwetsbare locaties is alleen zichtbaar voor de gemeente zelf en haar veiligheidsregio."));
            return;
        }
        if (list.Count == 0)
        {
            blocks.Add(new ReportParagraph("De gemeente heeft nog geen kwetsbare locaties vastgelegd."));
            return;
        }
        blocks.Add(new ReportParagraph("Locaties waar mensen wonen of verblijven die zich in een crisis niet zelf kunnen redden, en geaggregeerde aantallen mensen die thuis afhankelijk zijn van apparatuur. Vertrouwelijk: alleen voor de gemeente en de veiligheidsregio."));
        blocks.Add(new ReportTable("locaties-categorie", "Kwetsbare locaties per categorie", ["Categorie", "Locaties", "Personen", "Minder dan 72 uur zonder stroom"],
            list.GroupBy(l => l.Category).OrderBy(c => LocationCategories.Order(c.Key)).Select(c => (IReadOnlyList<ReportCell>)
                [LocationCategories.Label(c.Key), ReportText.Whole(c.Count()), ReportText.Whole(c.Sum(l => l.People)), ReportText.Whole(c.Count(l => l.HoursWithoutPower is null or < 72))]).ToList(), null,
            "Zonder opgave van het aantal uren telt een locatie mee bij ‘minder dan 72 uur’."));
        blocks.Add(new ReportTable("locaties", "Kwetsbare locaties", ["Naam", "Categorie", "Personen", "Uren zonder stroom", "Uren zonder water", "Uren zonder communicatie", "Afhankelijk van"],
            list.Select(l => (IReadOnlyList<ReportCell>)[l.Name, LocationCategories.Label(l.Category), ReportText.Whole(l.People), Hours(l.HoursWithoutPower), Hours(l.HoursWithoutWater),
                Hours(l.HoursWithoutCommunication), l.Dependencies.Count == 0 ? "–" : string.Join(", ", l.Dependencies.Select(d => VitalServices.Find(d)?.Label ?? d))]).ToList(), null));
    }

    private static void Noodsteunpunten(FotoData f, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "noodsteunpunten", "Noodsteunpunten"));
        if (f.Noodsteunpunten.Count == 0)
        {
            blocks.Add(new ReportParagraph("De gemeente heeft nog geen noodsteunpunten vastgelegd."));
            return;
        }
        blocks.Add(new ReportTable("noodsteunpunten", "Noodsteunpunten", ["Naam", "Adres", "Capaciteit", "Noodstroom"],
            f.Noodsteunpunten.Select(n => (IReadOnlyList<ReportCell>)[n.Name, n.Address ?? "–", ReportText.Whole(n.Capacity), n.HasBackupPower ? "ja" : "nee"]).ToList(), null));
    }

    private static void AllBuurten(FotoData f, List<ReportBlock> blocks)
    {
        blocks.Add(new ReportHeading(1, "buurten", "Alle buurten"));
        var index = f.Vulnerability?.Buurten.ToDictionary(b => b.Code);
        var rows = f.SelfReliance.Buurten.Select(b =>
        {
            var v = index?.GetValueOrDefault(b.Code);
            return (IReadOnlyList<ReportCell>)[b.Name, ReportText.Whole(b.Residents), ReportText.Whole(v?.Age0To15), ReportText.Whole(b.Age65Plus), ReportText.Whole(v?.Households),
                v?.Class is { } c ? VulnerabilityIndex.ClassLabel(c) : "Niet berekend",
                v?.NationalPercentile is { } p ? new ReportCell(Format.Number(p * 100, 0), p * 100) : "–",
                v?.LocalRank is { } r ? ReportText.Whole(r) : "–",
                ReportText.Whole(SelfRelianceSentences.People(b.Estimate.Total))];
        }).ToList();
        blocks.Add(new ReportTable("buurten", $"Alle buurten van {f.Gemeente.Name}: inwoners, kwetsbaarheid en niet 72 uur zelfredzaam (Bron: CBS)",
            ["Buurt", "Inwoners", "0–15 jaar", "65+", "Huishoudens", "Klasse", "Percentiel landelijk", "Plaats in gemeente", "Niet 72 uur zelfredzaam"], rows, null,
            "Aantallen per leeftijdsgroep zijn door het CBS afgerond op 5."));
    }

    private static ReportCell Hours(int? value) => value is { } x ? new ReportCell(Format.Number(x), x) : "onbekend";

    private static string Assumption(double value, bool isShare)
        => isShare ? (value * 100).ToString("0.#", Format.Dutch) + "%" : $"{Format.Number((int)value)} uur";
}
