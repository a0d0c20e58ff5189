using Weerbaar.Analysis.Rankings;
using Weerbaar.Analysis.Statistics;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Shared;
using static Weerbaar.Web.Features.Scan.Report.ReportText;

namespace Weerbaar.Web.Features.Scan.Report;

public sealed partial class ReportComposer
{
    private const double Alpha = 0.05;

    private RankingSummary? _priorities;
    private IReadOnlyList<DepthTest>? _depth;

    private RankingSummary Priorities => _priorities ??= PillarAnalysis.Priorities(_in.Responses.Select(r => r.Answers).ToList());
    private IReadOnlyList<DepthTest> Depth => _depth ??= PillarAnalysis.Depth(_in.Responses.Select(r => r.Answers).ToList());

    /// <summary>Pillars whose score (n ≥ threshold) and rank (rankers ≥ threshold) may be published.</summary>
    private List<(PillarResultDto Pillar, RankedItem? Rank)> PublishedPillars()
    {
        var ranked = Priorities.Respondents >= Threshold;
        return _results.Pillars
            .Where(p => p.N >= Threshold && p.MeanScore is not null)
            .Select(p => (p, ranked ? Priorities.Items[Array.IndexOf(RoundResults.Pillars, p.Code)] : null))
            .ToList();
    }

    private void Pillars()
    {
        Heading(2, "pijlers", "De zes pijlers: score en prioriteit");
        Paragraph("Gemeenten gaven per VNG-pijler aan hoe goed zij op dit thema zijn georganiseerd (schaal 1–10) en zetten de zes pijlers in volgorde van belang (1 = hoogste prioriteit).");
        var published = PublishedPillars();
        if (published.Count == 0)
        {
            Paragraph($"Er zijn te weinig antwoorden (minder dan {Threshold}) om scores per pijler te publiceren.");
        }
        else
        {
            var lowest = published.MinBy(p => p.Pillar.MeanScore)!;
            var highest = published.MaxBy(p => p.Pillar.MeanScore)!;
            Paragraph($"Gemeenten geven zichzelf het laagste cijfer voor {Lower(PillarName(lowest.Pillar.Code))} ({Format.Number(lowest.Pillar.MeanScore, 1)}) "
                + $"en het hoogste voor {Lower(PillarName(highest.Pillar.Code))} ({Format.Number(highest.Pillar.MeanScore, 1)}).");
            if (published.All(p => p.Rank?.MeanRank is not null))
            {
                var top = published.MinBy(p => p.Rank!.MeanRank)!;
                Paragraph($"De hoogste prioriteit krijgt {Lower(PillarName(top.Pillar.Code))}: gemiddelde rang {Format.Number(top.Rank!.MeanRank, 2)}, "
                    + $"{Format.Percent(top.Rank.ShareFirst)} van de {Priorities.Respondents} gemeenten die rangschikten zet deze pijler op 1.");
                Paragraph(GapSentence(published));
            }
        }
        PillarFigure(published);
        PriorityDetails();
        DepthSection();
    }

    /// <summary>The quadrant chart's rule: score below and rank above (a lower number than) the pillars' mean.</summary>
    private static bool IsGap((PillarResultDto Pillar, RankedItem? Rank) p, IReadOnlyList<(PillarResultDto Pillar, RankedItem? Rank)> all)
        => Shared.Charts.QuadrantChart.IsGap(new Shared.Charts.QuadrantPoint(p.Pillar.Code, p.Pillar.MeanScore!.Value, p.Rank!.MeanRank!.Value),
            all.Average(x => x.Pillar.MeanScore!.Value), all.Average(x => x.Rank!.MeanRank!.Value));

    private string GapSentence(IReadOnlyList<(PillarResultDto Pillar, RankedItem? Rank)> published)
    {
        var gaps = published.Where(p => IsGap(p, published)).ToList();
        return gaps.Count == 0
            ? "Geen pijler combineert een hoge prioriteit met een lage score."
            : $"Een hoge prioriteit maar een score onder het gemiddelde van de pijlers hebben: {List(gaps.Select(g => $"{Lower(PillarName(g.Pillar.Code))} (score {Format.Number(g.Pillar.MeanScore, 1)}, rang {Format.Number(g.Rank!.MeanRank, 2)})").ToList())}. "
                + "Daar is de afstand tussen wat gemeenten belangrijk vinden en hoe zij ervoor staan het grootst.";
    }

    private void PillarFigure(IReadOnlyList<(PillarResultDto Pillar, RankedItem? Rank)> published)
    {
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var p in _results.Pillars)
        {
            var pub = published.FirstOrDefault(x => x.Pillar.Code == p.Code);
            if (pub.Pillar is null)
            {
                rows.Add([$"{PillarName(p.Code)} ({p.Code})", Responses == 0 ? Whole(0) : Withheld(Threshold), "–", "–", "–", "–", "–"]);
                continue;
            }
            var scores = _in.Responses.Select(r => RoundResults.Numeric(r.Answers.GetValueOrDefault($"{p.Code}_score"))).OfType<double>().ToList();
            var ci = Descriptives.Summarize(scores).MeanInterval;
            var rank = pub.Rank;
            rows.Add([$"{PillarName(p.Code)} ({p.Code})", Whole(p.N), Number(p.MeanScore, 1),
                ci is null ? "–" : $"{Format.Number(ci.Lower, 1)}–{Format.Number(ci.Upper, 1)}", Number(p.SdScore, 2),
                rank is null ? Withheld(Threshold) : Number(rank.MeanRank, 2), rank is null ? Withheld(Threshold) : new ReportCell(Format.Percent(rank.ShareFirst), Math.Round((rank.ShareFirst ?? 0) * 100, 1))]);
        }
        var points = published.Where(p => p.Rank?.MeanRank is not null)
            .Select(p => new QuadrantReportPoint(p.Pillar.Code, PillarName(p.Pillar.Code), p.Pillar.MeanScore!.Value, p.Rank!.MeanRank!.Value, IsGap(p, published))).ToList();
        Figure("fig-pijlers", "Eigen score van gemeenten per VNG-pijler (1–10) en de prioriteit die zij eraan geven (1 = hoogste prioriteit)",
            "Spreidingsdiagram: gemiddelde score horizontaal, gemiddelde rang verticaal (rang 1 bovenaan). Pijlers linksboven hebben een hoge prioriteit en een score onder het gemiddelde. Dezelfde cijfers staan in de tabel.",
            new QuadrantReportChart(points),
            new ReportTable("fig-pijlers", "Score en prioriteit per pijler", ["Pijler", "n", "Gemiddelde score", "95%-interval", "Standaardafwijking", "Gemiddelde rang", "Op 1 gezet"], rows,
                Responses >= Threshold ? Responses : null, "Score: schaal 1–10. Rang: 1 = hoogste prioriteit, van de gemeenten die alle zes pijlers rangschikten."));
    }

    private void PriorityDetails()
    {
        var pr = Priorities;
        if (pr.Respondents < Threshold)
        {
            return;
        }
        Heading(3, "prioriteit", "Hoe eensgezind is de prioriteit?");
        var sentence = pr.CondorcetOrder is { } order
            ? $"Paarsgewijs vergeleken kiest telkens een meerderheid van de gemeenten voor deze volgorde: {string.Join(" > ", order.Select(i => PillarName(RoundResults.Pillars[i])))}."
            : "Er is geen volgorde waarin elke pijler door een meerderheid boven alle lager geplaatste pijlers wordt verkozen.";
        if (pr.Concordance is { } w)
        {
            var level = w.W < 0.1 ? "zeer laag" : w.W < 0.3 ? "laag" : w.W < 0.5 ? "matig" : "hoog";
            sentence += $" De overeenstemming tussen gemeenten is {level} (Kendalls W = {Format.Number(w.W, 2)}, χ²({w.DegreesOfFreedom}) = {Format.Number(w.ChiSquare, 1)}, {PIs(w.P)})"
                + (w.W < 0.3 ? ": gemeenten verschillen onderling sterk in wat zij het belangrijkst vinden." : ".");
        }
        Paragraph(sentence);
        var rows = pr.Items.OrderByDescending(i => i.BordaCount)
            .Select(i => (IReadOnlyList<ReportCell>)[PillarName(RoundResults.Pillars[i.Index]), Number(i.MeanRank, 2), new ReportCell(Format.Percent(i.ShareFirst), Math.Round((i.ShareFirst ?? 0) * 100, 1)), Number(i.BordaCount, 0)])
            .ToList();
        _blocks.Add(new ReportTable("prioriteit", "Prioriteit per pijler: gemiddelde rang, aandeel op 1 en Borda-punten (5 voor plaats 1 tot 0 voor plaats 6)",
            ["Pijler", "Gemiddelde rang", "Op 1 gezet", "Borda-punten"], rows, pr.Respondents));
    }

    private void DepthSection()
    {
        var tests = Depth;
        Heading(3, "weten-wat-niet-hoe", "Weten wat, maar niet hoe?");
        var published = tests.Where(t => t.Pairs >= Threshold && t.Test is not null).ToList();
        if (published.Count == 0)
        {
            Paragraph($"Er zijn te weinig paren van antwoorden (minder dan {Threshold}) om bewustzijn en inzicht per pijler te vergelijken.");
            return;
        }
        var higher = published.Where(t => t.PHolm < Alpha && t.MeanBewustzijn > t.MeanInzicht).Select(t => Lower(PillarName(t.Code))).ToList();
        var lower = published.Where(t => t.PHolm < Alpha && t.MeanBewustzijn < t.MeanInzicht).Select(t => Lower(PillarName(t.Code))).ToList();
        var none = published.Where(t => t.PHolm is not < Alpha).Select(t => Lower(PillarName(t.Code))).ToList();
        var parts = new List<string>();
        if (higher.Count > 0)
        {
            parts.Add($"bij {List(higher)} herkennen gemeenten het thema significant sterker dan dat zij weten hoe zij het in maatregelen omzetten");
        }
        if (lower.Count > 0)
        {
            parts.Add($"bij {List(lower)} is het inzicht juist significant groter dan het bewustzijn");
        }
        if (none.Count > 0)
        {
            parts.Add($"bij {List(none)} is er geen significant verschil");
        }
        Paragraph("Per pijler is bewustzijn (weet de gemeente wát er nodig is) vergeleken met inzicht (weet zij hóe) bij dezelfde gemeenten, met de Wilcoxon-rangtekentoets "
            + $"(tweezijdig, Holm-correctie over de pijlers, α = 0,05): {string.Join("; ", parts)}.");
        var rows = tests.Select(t => t.Pairs >= Threshold && t.Test is not null
            ? (IReadOnlyList<ReportCell>)[PillarName(t.Code), Whole(t.Pairs), Number(t.MeanBewustzijn, 2), Number(t.MeanInzicht, 2), Number(t.Test.RankBiserial, 2), P(t.Test.P), P(t.PHolm)]
            : [PillarName(t.Code), Responses == 0 ? Whole(0) : Withheld(Threshold), "–", "–", "–", "–", "–"]).ToList();
        _blocks.Add(new ReportTable("bewustzijn-inzicht", "Bewustzijn tegenover inzicht per pijler (Wilcoxon-rangtekentoets; r > 0: bewustzijn hoger)",
            ["Pijler", "Paren", "Gem. bewustzijn", "Gem. inzicht", "r", "p", "p (Holm)"], rows, null));
    }
}
