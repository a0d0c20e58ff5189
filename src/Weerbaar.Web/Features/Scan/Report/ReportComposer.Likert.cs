using Weerbaar.Analysis.Disclosure;
using Weerbaar.Analysis.Statistics;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Shared;
using static Weerbaar.Web.Features.Scan.Report.ReportText;

namespace Weerbaar.Web.Features.Scan.Report;

public sealed partial class ReportComposer
{
    private List<string> LikertCodes => _likertCodes ??= Instrument.AnswerSets.TryGetValue("LIKERT5", out var set) ? [.. set.Options.Select(o => o.Code)] : [];
    private List<string> LikertLabels => _likertLabels ??= Instrument.AnswerSets.TryGetValue("LIKERT5", out var set) ? [.. set.Options.Select(o => o.Label)] : [];
    private List<string>? _likertCodes;
    private List<string>? _likertLabels;

    private ProtectedDistribution Protected(QuestionResultDto q)
        => GroupSuppression.ProtectOverall(LikertCodes.Select(c => q.Counts.GetValueOrDefault(c)).ToList(), _in.Disclosure, Responses);

    /// <summary>A stacked-bar figure of LIKERT5 questions with its table, and one sentence per question.</summary>
    private void LikertFigure(string id, string title, IReadOnlyList<string> questionIds)
    {
        var questions = questionIds.Select(Question).OfType<QuestionResultDto>().ToList();
        if (questions.Count == 0 || LikertCodes.Count == 0)
        {
            return;
        }
        foreach (var q in questions)
        {
            Paragraph(LikertSentence(q));
        }
        var chartRows = new List<StackedBarReportRow>();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var q in questions)
        {
            var d = Protected(q);
            var published = q.N > 0 && !d.Cells.Any(c => c.IsSuppressed);
            chartRows.Add(new StackedBarReportRow(q.Id, published ? d.Cells.Select(c => c.Percentage ?? 0).ToList() : null,
                d.Total.IsSuppressed ? $"n < {Threshold}" : $"n = {q.N}"));
            var row = new List<ReportCell> { $"{q.Id}. {QuestionText(q.Id)}" };
            row.AddRange(d.Cells.Select(c => Percentage(c, Threshold)));
            row.Add(d.Total.IsSuppressed ? Withheld(Threshold) : Whole(q.N));
            row.Add(d.Total.IsSuppressed ? Withheld(Threshold) : Whole(q.DontKnow));
            row.Add(published ? Number(q.Mean, 2) : new ReportCell(d.Total.IsSuppressed ? $"<{Threshold}" : "x"));
            rows.Add(row);
        }
        var columns = new List<string> { "Vraag" };
        columns.AddRange(LikertLabels);
        columns.AddRange(["n", "Weet niet", "Gemiddelde (1–5)"]);
        Figure(id, title,
            $"Gestapelde staven per vraag met het percentage per antwoord, van ‘{LikertLabels[0]}’ tot ‘{LikertLabels[^1]}’; ‘weet niet’ telt niet mee. Dezelfde cijfers staan in de tabel.",
            new StackedBarReportChart(LikertLabels, chartRows),
            new ReportTable(id, title + " (percentage van n)", columns, rows, Responses >= Threshold ? Responses : null));
    }

    /// <summary>"88,1% antwoordt enigszins tot in zeer grote mate (95%-interval 80,4–92,9%) …" for one LIKERT5 question.</summary>
    private string LikertSentence(QuestionResultDto q)
    {
        var d = Protected(q);
        var text = $"‘{QuestionText(q.Id)}’ ({q.Id})";
        if (d.Total.IsSuppressed || q.N == 0)
        {
            return $"Op de vraag {text} zijn te weinig antwoorden (minder dan {Threshold}) om cijfers te publiceren.";
        }
        if (d.Cells.Any(c => c.IsSuppressed))
        {
            return $"Op de vraag {text} gaven alle {q.N} gemeenten hetzelfde antwoord; om afzonderlijke gemeenten te beschermen staat de verdeling niet in dit rapport.";
        }
        var counts = LikertCodes.Select(c => q.Counts.GetValueOrDefault(c)).ToList();
        var some = Proportions.Wilson(counts.Skip(2).Sum(), q.N)!;
        var small = 100.0 * counts.Take(2).Sum() / q.N;
        var large = 100.0 * counts.Skip(3).Sum() / q.N;
        var dontKnow = q.DontKnow > 0 ? $"; {q.DontKnow} keer ‘weet niet’" : "";
        return $"Op de vraag {text} antwoordt {Pct(some.Proportion * 100)} van de gemeenten enigszins tot in zeer grote mate "
            + $"(95%-betrouwbaarheidsinterval {Format.Number(some.Interval.Lower * 100, 1)}–{Pct(some.Interval.Upper * 100)}), "
            + $"{Pct(large)} in grote of zeer grote mate en {Pct(small)} in kleine of zeer kleine mate (n = {q.N}{dontKnow}).";
    }

    /// <summary>Figure 7: who handles weerbaarheid (I4), each code as a share of the gemeenten that answered I4.</summary>
    private void CodesFigure(string questionId)
    {
        var q = Question(questionId);
        var question = Instrument.QuestionOf(questionId);
        if (q is null || question?.AnswerSet is null)
        {
            return;
        }
        var options = Instrument.AnswerSets[question.AnswerSet].Options;
        // Multiple response: each code is its own yes/no distribution over the gemeenten that answered.
        var cells = options.Select(o => (Option: o, Cells: GroupSuppression.ProtectOverall([q.Counts.GetValueOrDefault(o.Code), q.N - q.Counts.GetValueOrDefault(o.Code)], _in.Disclosure, Responses))).ToList();
        if (q.N < Threshold)
        {
            Paragraph($"Op de vraag ‘{question.Text}’ zijn te weinig antwoorden (minder dan {Threshold}) om cijfers te publiceren.");
        }
        else
        {
            var published = cells.Where(c => !c.Cells.Cells[0].IsSuppressed).Select(c => (c.Option, Percent: c.Cells.Cells[0].Percentage ?? 0)).ToList();
            var top = published.OrderByDescending(c => c.Percent).FirstOrDefault();
            var parts = new List<string>();
            if (top.Option is not null)
            {
                parts.Add($"Weerbaarheid is het vaakst belegd bij {Lower(top.Option.Label)} ({Pct(top.Percent)} van de {q.N} gemeenten die de vraag beantwoordden)");
            }
            if (published.FirstOrDefault(c => c.Option.Exclusive) is { Option: not null } none)
            {
                parts.Add($"bij {Pct(none.Percent)} is het nog niet belegd");
            }
            var least = published.Where(c => !c.Option.Exclusive && c.Option.OtherText is null && c.Option != top.Option).OrderBy(c => c.Percent).FirstOrDefault();
            if (least.Option is not null)
            {
                parts.Add($"het minst vaak wordt {Lower(least.Option.Label)} genoemd ({Pct(least.Percent)})");
            }
            if (parts.Count > 0)
            {
                Paragraph(string.Join("; ", parts) + ". Meerdere antwoorden waren mogelijk.");
            }
        }
        var title = $"{question.Text} (percentage van de gemeenten die de vraag beantwoordden)";
        Figure("fig-" + questionId.ToLowerInvariant(), title,
            "Staafdiagram met per antwoord het percentage gemeenten; meerdere antwoorden mogelijk. Dezelfde cijfers staan in de tabel.",
            new BarReportChart(cells.Select(c => new BarReportItem(c.Option.Label, c.Cells.Cells[0].IsSuppressed ? null : c.Cells.Cells[0].Percentage,
                c.Cells.Cells[0].IsSuppressed ? c.Cells.Cells[0].Label(Threshold) : Pct(c.Cells.Cells[0].Percentage))).ToList(), 100, "%"),
            new ReportTable("fig-" + questionId.ToLowerInvariant(), title, ["Antwoord", "Aantal", "Percentage"],
                cells.Select(c => (IReadOnlyList<ReportCell>)[c.Option.Label, Count(c.Cells.Cells[0], Threshold), Percentage(c.Cells.Cells[0], Threshold)]).ToList(),
                q.N >= Threshold ? q.N : null, "Meerdere antwoorden mogelijk; percentages tellen daarom niet op tot 100."));
    }
}
