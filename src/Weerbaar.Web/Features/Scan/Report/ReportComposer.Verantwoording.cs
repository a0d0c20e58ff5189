using Weerbaar.Analysis.Disclosure;
using Weerbaar.Analysis.Reliability;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Shared;
using static Weerbaar.Web.Features.Scan.Report.ReportText;

namespace Weerbaar.Web.Features.Scan.Report;

public sealed partial class ReportComposer
{
    private void Verantwoording()
    {
        Heading(1, "verantwoording", "2. Verantwoording");
        Narrative(ReportNarrativeKeys.Verantwoording);
        Heading(2, "onderzoeksopzet", "Onderzoeksopzet en respons");
        var round = _in.Round;
        var rate = _in.Population > 0 ? 100.0 * Responses / _in.Population : (double?)null;
        Paragraph($"De vragenlijst ({Instrument.Title}, {Instrument.Id}) kon van {Day(round.OpensOn)} tot en met {Day(round.ClosesOn)} worden ingevuld. "
            + $"{Format.Number(Responses)} van de {Format.Number(_in.Population)} gemeenten in de doelgroep verstuurden hun antwoorden ({Pct(rate)}).");

        var answered = _results.Questions.Select(q => q.N + q.DontKnow).ToList();
        if (Responses >= Threshold && answered.Count > 0)
        {
            var n = _results.Questions.Select(q => q.N).ToList();
            Paragraph($"Alle vragen waren optioneel. De respons per vraag (antwoorden op de schaal, zonder ‘weet niet’) lag tussen n = {n.Min()} en n = {n.Max()}, "
                + $"oftewel tussen {Pct(100.0 * n.Min() / Math.Max(1, _in.Population))} en {Pct(100.0 * n.Max() / Math.Max(1, _in.Population))} van de doelgroep.");
        }
        Paragraph($"Om te voorkomen dat een lezer de antwoorden van één gemeente kan herleiden, staan in dit rapport geen uitsplitsingen naar groepen van minder dan {Threshold} gemeenten. "
            + $"Zulke cellen tonen ‘<{Threshold}’; een ‘x’ betekent dat een cel is weggelaten omdat anders een verborgen cel uit een totaal te berekenen is, of omdat alle gemeenten hetzelfde antwoordden. "
            + "Percentages zijn van de gemeenten die de vraag met een schaalwaarde beantwoordden; ‘weet niet’ en lege antwoorden tellen daarin niet mee.");
        ResponseTable();
        Reliability();
    }

    private void ResponseTable()
    {
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var q in _results.Questions)
        {
            var empty = Responses - q.N - q.DontKnow;
            if (q.Id == "I4")
            {
                empty = Responses - q.N;
            }
            var d = GroupSuppression.ProtectOverall([q.N, q.DontKnow, Math.Max(0, empty)], _in.Disclosure with { ProtectUnanimousGroups = false }, Responses);
            rows.Add([$"{q.Id}. {QuestionText(q.Id)}", Count(d.Cells[0], Threshold), Count(d.Cells[1], Threshold), Count(d.Cells[2], Threshold)]);
        }
        _blocks.Add(new ReportTable("respons-per-vraag", "Respons per vraag", ["Vraag", "n (op de schaal)", "Weet niet", "Niet beantwoord"], rows,
            Responses >= Threshold ? Responses : null,
            $"Over {Format.Number(Responses)} verstuurde antwoorden. Bij I4 (meerdere antwoorden mogelijk) telt n de gemeenten die de vraag beantwoordden."));
    }

    private void Reliability()
    {
        Heading(2, "betrouwbaarheid", "Betrouwbaarheid van de schalen");
        var rows = new List<IReadOnlyList<ReportCell>>();
        var sentences = new List<string>();
        foreach (var s in _results.Scales)
        {
            var label = s.Id == "bewustzijn" ? "Bewustzijn" : s.Id == "inzicht" ? "Inzicht" : s.Id;
            if (s.N < Threshold || s.CronbachAlpha is null)
            {
                rows.Add([label, string.Join(", ", s.Items), Responses == 0 ? Whole(0) : Withheld(Threshold), "–", "–"]);
                continue;
            }
            rows.Add([label, string.Join(", ", s.Items), Whole(s.N), Number(s.CronbachAlpha, 2), $"{Format.Number(s.AlphaLower, 2)} – {Format.Number(s.AlphaUpper, 2)}"]);
            sentences.Add($"de schaal {Lower(label)} ({string.Join(", ", s.Items)}) heeft een Cronbachs α van {Format.Number(s.CronbachAlpha, 2)} "
                + $"(95%-interval {Format.Number(s.AlphaLower, 2)}–{Format.Number(s.AlphaUpper, 2)}; n = {s.N})");
        }
        Paragraph(sentences.Count > 0
            ? $"Gemeenten die alle vragen van een schaal beantwoordden tellen mee: {List(sentences)}. Een α van 0,70 of meer geldt gewoonlijk als voldoende samenhang om de vragen samen te nemen."
            : $"Er zijn te weinig volledige antwoorden (minder dan {Threshold}) om de betrouwbaarheid van de schalen te publiceren.");
        _blocks.Add(new ReportTable("betrouwbaarheid", "Cronbachs α per schaal met 95%-betrouwbaarheidsinterval (Feldt)", ["Schaal", "Vragen", "n", "α", "95%-interval"], rows, null));
        ItemRest();
    }

    /// <summary>Per item: the correlation with the rest of its scale and α without it, so a weak item is visible.</summary>
    private void ItemRest()
    {
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var (id, items) in RoundResults.Scales)
        {
            var scale = CronbachAlpha.Compute(_in.Responses.Select(r => (IReadOnlyList<double?>)items.Select(i => RoundResults.Numeric(r.Answers.GetValueOrDefault(i))).ToList()).ToList());
            if (scale.N < Threshold || scale.Items.Count == 0)
            {
                continue;
            }
            rows.AddRange(scale.Items.Select(s => (IReadOnlyList<ReportCell>)[$"{items[s.Index]} ({id})", Number(s.Mean, 2), Number(s.ItemRestCorrelation, 2), Number(s.AlphaIfDeleted, 2)]));
        }
        if (rows.Count > 0)
        {
            _blocks.Add(new ReportTable("item-rest", "Samenhang per vraag: correlatie met de rest van de schaal en α zonder de vraag", ["Vraag", "Gemiddelde", "Item-rest r", "α zonder vraag"], rows, null));
        }
    }
}
