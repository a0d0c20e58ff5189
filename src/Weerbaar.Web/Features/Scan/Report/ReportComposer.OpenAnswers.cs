using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Shared;
using static Weerbaar.Web.Features.Scan.Report.ReportText;

namespace Weerbaar.Web.Features.Scan.Report;

public sealed partial class ReportComposer
{
    private void OpenAnswers()
    {
        Heading(2, "open-antwoorden", "Wat gemeenten zelf noemen");
        if (_in.OpenAnswers.Count == 0)
        {
            Paragraph("Deze ronde heeft geen open vragen met antwoorden.");
            return;
        }
        Paragraph("Het onderzoeksteam heeft de antwoorden op de open vragen gecodeerd met een vaste lijst thema's (een antwoord kan meer thema's hebben). "
            + "Citaten zijn ontdaan van namen van gemeenten en plaatsen.");
        foreach (var q in _in.OpenAnswers)
        {
            Heading(3, "open-" + q.QuestionId.ToLowerInvariant(), $"{q.QuestionId}. {q.QuestionText}");
            if (q.Coded < Threshold)
            {
                Paragraph(q.Coded == 0
                    ? $"{Format.Number(q.Answers)} gemeenten beantwoordden deze vraag; de antwoorden zijn nog niet gecodeerd."
                    : $"{Format.Number(q.Answers)} gemeenten beantwoordden deze vraag; er zijn te weinig gecodeerde antwoorden (minder dan {Threshold}) om thema's te publiceren.");
                continue;
            }
            var themes = q.Themes.Select(t => (Theme: t, Cells: GroupSuppression.ProtectOverall([t.Count, q.Coded - t.Count], _in.Disclosure, Responses))).ToList();
            var top = themes.Where(t => !t.Cells.Cells[0].IsSuppressed && t.Theme.Count > 0).OrderByDescending(t => t.Theme.Count).Take(3).ToList();
            Paragraph($"{Format.Number(q.Answers)} gemeenten beantwoordden deze vraag; {Format.Number(q.Coded)} antwoorden zijn gecodeerd."
                + (top.Count > 0 ? $" Het vaakst genoemd: {List(top.Select(t => $"{Lower(t.Theme.Label)} ({Pct(t.Cells.Cells[0].Percentage)})").ToList())}." : ""));
            _blocks.Add(new ReportTable("open-" + q.QuestionId.ToLowerInvariant(), $"Thema's in de antwoorden op {q.QuestionId} (percentage van de gecodeerde antwoorden)",
                ["Thema", "Aantal", "Percentage"],
                themes.Select(t => (IReadOnlyList<ReportCell>)[t.Theme.Label, Count(t.Cells.Cells[0], Threshold), Percentage(t.Cells.Cells[0], Threshold)]).ToList(),
                q.Coded));
            foreach (var t in top.Where(t => t.Theme.Quotes.Count > 0))
            {
                _blocks.Add(new ReportQuotes(t.Theme.Label, t.Theme.Quotes));
            }
        }
    }

    /// <summary>The findings the conclusions start with, each computed from the data above (nothing when suppressed).</summary>
    private List<string> Findings()
    {
        var findings = new List<string>();
        var likert = _results.Questions
            .Where(q => Instrument.QuestionOf(q.Id)?.AnswerSet == "LIKERT5" && q.Id.Length == 2 && q.N >= Threshold && !Protected(q).Cells.Any(c => c.IsSuppressed))
            .Select(q => (q.Id, Share: 100.0 * LikertCodes.Skip(2).Sum(c => q.Counts.GetValueOrDefault(c)) / q.N))
            .ToList();
        if (likert.Count >= 2)
        {
            var high = likert.MaxBy(x => x.Share);
            var low = likert.MinBy(x => x.Share);
            findings.Add($"Het hoogst scoort ‘{QuestionText(high.Id)}’: {Pct(high.Share)} enigszins tot in zeer grote mate; het laagst ‘{QuestionText(low.Id)}’: {Pct(low.Share)}.");
        }
        var published = PublishedPillars();
        if (published.Count > 0 && published.All(p => p.Rank?.MeanRank is not null))
        {
            findings.Add(GapSentence(published));
        }
        var depth = Depth.Where(t => t.Pairs >= Threshold && t.Test is not null).ToList();
        if (depth.Count > 0)
        {
            var knowWhat = depth.Count(t => t.PHolm < Alpha && t.MeanBewustzijn > t.MeanInzicht);
            findings.Add(knowWhat == 0
                ? "Bij geen enkele pijler is het bewustzijn significant groter dan het inzicht: de stelling ‘gemeenten weten wat, maar niet hoe’ wordt door deze gegevens niet bevestigd."
                : $"Bij {knowWhat} van de {depth.Count} pijlers is het bewustzijn significant groter dan het inzicht (Wilcoxon, Holm-gecorrigeerd): gemeenten weten vaker wát er moet gebeuren dan hóe.");
        }
        if (_in.Stedelijkheid is { } c && c.Groups.Count == 2 && c.Groups.All(g => g.N >= Threshold))
        {
            var significant = c.Tests.Count(t => t.PHolm < Alpha);
            findings.Add(significant == 0
                ? "Er zijn geen significante verschillen tussen stedelijke en landelijke gemeenten."
                : $"Stedelijke en landelijke gemeenten verschillen significant op {significant} van de {c.Tests.Count} vragen.");
        }
        return findings;
    }
}
