using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Foto;

/// <summary>The scan position as blocks of the report model, for the foto export (PDF, Word) that renders ReportDocument blocks.</summary>
public static class ScanPositionBlocks
{
    /// <param name="firstFigure">The number of the first figure here; the export numbers figures through the document.</param>
    public static IReadOnlyList<ReportBlock> For(ScanPosition p, int firstFigure = 1)
    {
        var blocks = new List<ReportBlock>
        {
            new ReportHeading(2, "positie-scan", "Positie in de Weerbaarheidsscan"),
            new ReportParagraph($"Ronde {p.RoundName}. De antwoorden van {p.GemeenteName} naast het gemiddelde van alle gemeenten die de scan verstuurden "
                + $"(landelijk), van de veiligheidsregio {p.Veiligheidsregio.Label}, van gemeenten met {p.SizeClass.Label} en van "
                + $"{(p.Urbanity.Key == "1" ? "stedelijke" : "landelijke")} gemeenten. Elk gemiddelde telt {p.GemeenteName} zelf mee. "
                + $"Gemiddelden over minder dan {p.Threshold} gemeenten (de gemeente zelf en {p.Threshold - 1} andere) worden niet getoond. {ScanPosition.UrbanityExplanation} "
                + "Het percentiel is het aandeel gemeenten met een lagere score, gelijke scores voor de helft meegeteld."),
        };

        var own = new List<IReadOnlyList<ReportCell>>();
        var bars = new List<BarReportItem>();
        foreach (var x in p.Pillars)
        {
            var national = x.Score.National;
            own.Add([$"{x.Name} ({x.Code})", Own(x.Score.Own), Mean(national, p.Threshold), N(national)]);
            bars.Add(new BarReportItem($"{x.Name}: {p.GemeenteName}", x.Score.Own, x.Score.Own is null ? "niet beantwoord" : Format.Number(x.Score.Own, 0)));
            bars.Add(new BarReportItem($"{x.Name}: landelijk", national.Mean, national.Mean is null ? MeanText(national, p.Threshold) : Format.Number(national.Mean, 1)));
        }
        var nationalN = p.Pillars.Select(x => x.Score.National.N).Max();
        blocks.Add(new ReportFigure(firstFigure, "fig-positie", $"Score per pijler: {p.GemeenteName} en het landelijk gemiddelde (1–10)",
            $"Staafdiagram met per pijler de eigen score van {p.GemeenteName} en het landelijk gemiddelde. Dezelfde cijfers staan in de tabel.",
            new BarReportChart(bars, 10, "score"),
            new ReportTable("fig-positie", $"Score per pijler (1–10): {p.GemeenteName} en landelijk", ["Pijler", "Eigen score", "Landelijk gemiddelde", "n"], own, nationalN)));

        foreach (var m in ScanPosition.Measures)
        {
            var rows = p.Pillars.Select(x =>
            {
                var v = m.Id switch { "score" => x.Score, "bewustzijn" => x.Bewustzijn, _ => x.Inzicht };
                return (IReadOnlyList<ReportCell>)[$"{x.Name} ({x.Code})", Own(v.Own), Cell(v.National, p.Threshold), Cell(v.Veiligheidsregio, p.Threshold),
                    Cell(v.SizeClass, p.Threshold), Cell(v.Urbanity, p.Threshold), v.Percentile is { } pct ? new ReportCell(Format.Number(pct, 0), pct) : "–"];
            }).ToList();
            blocks.Add(new ReportTable($"positie-tabel-{m.Id}", $"{Capital(m.Label)} per pijler (1–{m.Max}): eigen antwoord naast vergelijkbare gemeenten, gemiddelde (n)",
                ["Pijler", $"Eigen {m.Label}", "Landelijk", $"Veiligheidsregio {p.Veiligheidsregio.Label}", p.SizeClass.Label, Capital(p.Urbanity.Label), "Percentiel"],
                rows, null, $"Groepen van minder dan {p.Threshold} gemeenten: ‘<{p.Threshold}’; ‘x’: afgeschermd omdat het gemiddelde samen met het landelijke dat van een te kleine groep zou verraden."));
        }

        blocks.Add(new ReportHeading(3, "positie-open", "Eigen antwoorden op de open vragen"));
        blocks.Add(new ReportList(p.OpenAnswers.Select(o => $"{o.QuestionId}. {o.Question} — {o.Answer ?? "Niet beantwoord."}").ToList()));

        blocks.Add(new ReportHeading(3, "positie-trend", "Trend over de rondes"));
        if (p.Trend.Count < 2)
        {
            blocks.Add(new ReportParagraph($"{p.GemeenteName} verstuurde de scan in één ronde: de trend verschijnt zodra er een tweede ronde is."));
        }
        var trendRows = p.Trend.SelectMany(t => t.Pillars.Select(x => (IReadOnlyList<ReportCell>)
        [
            t.RoundName, $"{p.Pillars.FirstOrDefault(y => y.Code == x.Code)?.Name ?? x.Code} ({x.Code})", Own(x.Own), Mean(x.National, p.Threshold), N(x.National),
        ])).ToList();
        blocks.Add(new ReportTable("positie-tabel-trend", "Score per pijler (1–10) per ronde: eigen score en landelijk gemiddelde",
            ["Ronde", "Pijler", "Eigen score", "Landelijk gemiddelde", "n"], trendRows, null));
        return blocks;
    }

    private static ReportCell Own(double? own) => own is { } v ? new ReportCell(Format.Number(v, 0), v) : "niet beantwoord";

    private static ReportCell Mean(GroupMean g, int threshold) => g.Mean is { } m ? new ReportCell(Format.Number(m, 1), m) : MeanText(g, threshold);

    private static ReportCell N(GroupMean g) => g.N is { } n && !g.Suppressed ? new ReportCell(Format.Number(n), n) : "–";

    /// <summary>"5,8 (n = 12)", "&lt;5" or "x" (as the report's suppressed cells).</summary>
    private static ReportCell Cell(GroupMean g, int threshold) => g.Mean is { } m ? new ReportCell($"{Format.Number(m, 1)} (n = {g.N})", m) : MeanText(g, threshold);

    private static string MeanText(GroupMean g, int threshold) => g.Reason switch
    {
        Analysis.Disclosure.SuppressionReason.SmallGroup or Analysis.Disclosure.SuppressionReason.Primary => $"<{threshold}",
        Analysis.Disclosure.SuppressionReason.None => "–",
        _ => "x",
    };

    private static string Capital(string s) => s.Length > 0 ? char.ToUpper(s[0], Format.Dutch) + s[1..] : s;
}
