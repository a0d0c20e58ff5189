using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Shared;
using static Weerbaar.Web.Features.Scan.Report.ReportText;

namespace Weerbaar.Web.Features.Scan.Report;

public sealed partial class ReportComposer
{
    private void Uitkomsten()
    {
        Heading(1, "uitkomsten", "3. Uitkomsten");
        Narrative(ReportNarrativeKeys.Uitkomsten);
        Heading(2, "bewustzijn", "Bewustzijn");
        LikertFigure("fig-bewustzijn", "Bewustzijn: in welke mate …", ["B1", "B2", "B3", "B4", "B5"]);
        Heading(2, "inzicht", "Inzicht");
        LikertFigure("fig-inzicht", "Inzicht: in welke mate …", ["I1", "I2", "I3"]);
        CodesFigure("I4");
        Pillars();
        Heading(2, "verschillen", "Verschillen tussen gemeenten");
        UrbanRural();
        ScoresByProvince();
        OpenAnswers();
    }

    /// <summary>Mann–Whitney U per question between urban and rural gemeenten; only "geen significante verschillen" when the tests say so.</summary>
    private void UrbanRural()
    {
        var c = _in.Stedelijkheid;
        Heading(3, "stedelijk-landelijk", "Stedelijke en landelijke gemeenten");
        if (c is null || c.Groups.Count < 2)
        {
            Paragraph("Er zijn niet uit beide groepen (stedelijk en landelijk) antwoorden, dus er is niets te vergelijken.");
            return;
        }
        var groups = string.Join(" en ", c.Groups.Select(g => $"{Lower(g.Label)} (n = {(g.N < Threshold ? $"<{Threshold}" : g.N.ToString(Format.Dutch))})"));
        if (c.Groups.Any(g => g.N < Threshold))
        {
            Paragraph($"De groepen zijn {groups}. Een groep telt minder dan {Threshold} gemeenten; de vergelijking wordt daarom niet gepubliceerd.");
            return;
        }
        var tested = c.Tests.Where(t => t.PHolm is not null).ToList();
        var significant = tested.Where(t => t.PHolm < Alpha).ToList();
        var method = $"Per vraag is getoetst met de Mann–Whitney U-toets (tweezijdig, Holm-correctie over {tested.Count} vragen, α = 0,05). Stedelijk: stedelijkheidsklasse 1–3 van de gemeente, landelijk: 4–5 (CBS).";
        Paragraph(significant.Count == 0
            ? $"Tussen {groups} zijn geen significante verschillen gevonden. {method}"
            : $"Tussen {groups} verschillen de antwoorden significant op {List(significant.Select(t => $"{t.QuestionId} (r = {Format.Number(t.EffectSize, 2)}, p (Holm) {P(t.PHolm)})").ToList())}; op de andere vragen niet. {method}");
        CodeDifferences(c);
        var rows = c.Tests.Select(t => (IReadOnlyList<ReportCell>)[$"{t.QuestionId}. {QuestionText(t.QuestionId)}", Number(t.Statistic, 1), Number(t.EffectSize, 2), P(t.P), P(t.PHolm)]).ToList();
        _blocks.Add(new ReportTable("stedelijk-landelijk", $"Stedelijk tegenover landelijk per vraag (Mann–Whitney U van de stedelijke groep; r = rang-biseriële correlatie)",
            ["Vraag", "U", "r", "p", "p (Holm)"], rows, Responses));
    }

    /// <summary>Who handles weerbaarheid (I4), per answer: Fisher's exact or chi-square test, Holm over the answers.</summary>
    private void CodeDifferences(ComparisonsDto c)
    {
        var tested = c.CodeTests.Where(t => t.PHolm is not null).ToList();
        if (tested.Count == 0)
        {
            return;
        }
        string Label(ComparisonCodeTestDto t) => Instrument.QuestionOf(t.QuestionId)?.AnswerSet is { } set
            ? Lower(Instrument.AnswerSets[set].Options.FirstOrDefault(o => o.Code == t.Code)?.Label ?? t.Code) : t.Code;
        var significant = tested.Where(t => t.PHolm < Alpha).ToList();
        var method = $"Per antwoord getoetst met Fishers exacte toets of de χ²-toets, Holm-correctie over {tested.Count} antwoorden.";
        Paragraph(significant.Count == 0
            ? $"Ook in wie zich binnen de gemeente met weerbaarheid bezighoudt (I4) verschillen de groepen niet significant. {method}"
            : $"In wie zich binnen de gemeente met weerbaarheid bezighoudt (I4) verschillen de groepen significant bij {List(significant.Select(t => $"{Label(t)} (Cramérs V = {Format.Number(t.EffectSize, 2)}, p (Holm) {P(t.PHolm)})").ToList())}. {method}");
    }

    /// <summary>Mean pillar score per province, each column protected so no province below the threshold can be recovered from the national mean.</summary>
    private void ScoresByProvince()
    {
        var provinces = _in.Responses.Where(r => r.Gemeente is not null)
            .GroupBy(r => (r.Gemeente!.ProvincieCode, r.Gemeente.ProvincieName))
            .OrderBy(g => g.Key.ProvincieName, StringComparer.Create(Format.Dutch, false)).ToList();
        if (provinces.Count == 0)
        {
            return;
        }
        Heading(3, "per-provincie", "Pijlerscores per provincie");
        var pillars = _results.Pillars.Select(p => p.Code).ToList();
        var columns = pillars.Select(code =>
        {
            var values = provinces.Select(g => g.Select(r => RoundResults.Numeric(r.Answers.GetValueOrDefault($"{code}_score"))).OfType<double>().ToList()).ToList();
            var withheld = GroupSuppression.Protect(values.Select(v => v.Count).ToList(), _in.Disclosure);
            // A small province where nobody answered is withheld too: "nobody answered" is about each of so few.
            return values.Select((v, i) => withheld[i] || (v.Count == 0 && provinces[i].Count() < Threshold) ? new ReportCell(v.Count < Threshold ? $"<{Threshold}" : "x")
                : v.Count == 0 ? new ReportCell("–") : Number(v.Average(), 1)).ToList();
        }).ToList();
        var rows = provinces.Select((g, i) =>
        {
            var row = new List<ReportCell> { g.Key.ProvincieName, Whole(g.Count()) };
            row.AddRange(columns.Select(col => col[i]));
            return (IReadOnlyList<ReportCell>)row;
        }).ToList();
        var hidden = columns.SelectMany(col => col).Count(cell => cell.Text is "x" || cell.Text.StartsWith('<'));
        Paragraph($"De tabel geeft de gemiddelde score per pijler per provincie. {(hidden > 0 ? $"Scores van provincies met minder dan {Threshold} antwoorden zijn weggelaten (‘<{Threshold}’), en waar nodig nog een provincie (‘x’), zodat ze niet uit het landelijke gemiddelde terug te rekenen zijn." : "Alle provincies hebben genoeg antwoorden om hun scores te tonen.")}");
        var header = new List<string> { "Provincie", "Antwoorden" };
        header.AddRange(pillars);
        _blocks.Add(new ReportTable("per-provincie", "Gemiddelde score per pijler (1–10) per provincie", header, rows, Responses,
            string.Join("; ", pillars.Select(p => $"{p} = {PillarName(p)}"))));
    }
}
