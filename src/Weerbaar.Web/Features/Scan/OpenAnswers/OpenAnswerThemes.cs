using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.OpenAnswers;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>
/// Theme frequencies per open question over the coded answers, with up to three de-identified representative quotes
/// per theme — what a report shows of the open answers.
/// </summary>
public sealed partial class OpenAnswerThemes(AppDbContext db, InstrumentCatalog instruments, OpenAnswerCoder coder, ThemeSuggester suggester, QuoteScrubber scrubber)
{
    /// <summary>Disclosure threshold used when none is given: a theme fewer than five gemeenten raised is not quoted.</summary>
    public const int DefaultSuppressBelow = 5;

    public const int MaxQuotes = 3;
    public const int MaxQuoteLength = 300;

    /// <summary>What the pages say about which coding counts (see <see cref="PrimaryCoders"/>).</summary>
    public const string CodingRule = "Een antwoord telt als gecodeerd zodra één onderzoeker het heeft gecodeerd. Hebben meerdere onderzoekers hetzelfde antwoord gecodeerd, dan telt de codering van wie in deze ronde het eerst begon met coderen; de anderen dienen voor de overeenstemming (Cohens κ).";

    /// <summary>
    /// Per open question: non-empty answers, coded answers, and per theme (all codebook themes, most frequent first,
    /// codebook order on ties) the number of coded answers with that theme and up to three quotes. An answer counts
    /// as coded when at least one researcher coded it; when several did, the coding of the researcher who started
    /// coding in this round first is used (<see cref="PrimaryCoders"/>), so the frequencies rest on one coder per
    /// answer. A theme with 0 &lt; count &lt; <paramref name="suppressBelow"/> keeps its count (the report marks or
    /// suppresses it) but gets no quotes: a theme few gemeenten raised is recognisable from its quotes.
    /// Empty for an unknown round.
    /// </summary>
    /// <param name="suppressBelow">Disclosure threshold; null = <see cref="DefaultSuppressBelow"/>, 0 = none.</param>
    public async Task<IReadOnlyList<OpenQuestionThemes>> SummarizeAsync(Guid roundId, int? suppressBelow, CancellationToken ct)
    {
        var threshold = suppressBelow ?? DefaultSuppressBelow;
        var instrumentId = await db.ScanRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.InstrumentId).FirstOrDefaultAsync(ct);
        if (instrumentId is null || instruments.Find(instrumentId) is not { } instrument)
        {
            return [];
        }
        var questions = OpenAnswerCoder.OpenQuestions(instrument);
        var answers = await coder.AnswersAsync(roundId, questions.Select(q => q.Id).ToList(), ct);
        var codings = await db.OpenAnswerCodings.AsNoTracking().Where(c => c.RoundId == roundId).ToListAsync(ct);
        var primary = PrimaryCoders(codings);
        // An answer's keyword matches are needed for every theme it carries: stem it once.
        var suggestions = new Dictionary<(Guid, string), IReadOnlyList<ThemeSuggestion>>();
        var result = new List<OpenQuestionThemes>();
        foreach (var question in questions)
        {
            var byResponse = codings.Where(c => c.QuestionId == question.Id)
                .GroupBy(c => c.ResponseId)
                .ToDictionary(g => g.Key, g => g.MinBy(c => primary[c.CoderId])!.Themes);
            var coded = answers[question.Id].Where(a => byResponse.ContainsKey(a.ResponseId))
                .Select(a => (Answer: a, Themes: byResponse[a.ResponseId]))
                .ToList();
            var themes = new List<ThemeFrequency>();
            foreach (var theme in OpenAnswerCoder.Codebook.Themes)
            {
                var with = coded.Where(c => c.Themes.Contains(theme.Code)).Select(c => c.Answer).ToList();
                var quotes = with.Count == 0 || with.Count < threshold ? [] : await QuotesAsync(theme.Code, with, a => Suggestions(a, question.Id), ct);
                themes.Add(new ThemeFrequency(theme.Code, theme.Label, with.Count, quotes));
            }
            result.Add(new OpenQuestionThemes(question.Id, question.Text, answers[question.Id].Count, coded.Count,
                themes.OrderByDescending(t => t.Count).ToList()));
        }
        return result;

        IReadOnlyList<ThemeSuggestion> Suggestions(OpenAnswer answer, string questionId)
        {
            if (!suggestions.TryGetValue((answer.ResponseId, questionId), out var found))
            {
                found = suggester.Suggest(answer.Text);
                suggestions[(answer.ResponseId, questionId)] = found;
            }
            return found;
        }
    }

    /// <summary>
    /// The order in which researchers' codings count: by when each started coding in the round (their earliest
    /// CodedAt), then by account id. Rank 0 is used wherever it coded; the next where it did not; and so on.
    /// </summary>
    public static IReadOnlyDictionary<string, int> PrimaryCoders(IEnumerable<OpenAnswerCoding> codings)
        => codings.GroupBy(c => c.CoderId)
            .Select(g => (Coder: g.Key, Start: g.Min(c => c.CodedAt)))
            .OrderBy(c => c.Start).ThenBy(c => c.Coder, StringComparer.Ordinal)
            .Select((c, i) => (c.Coder, i))
            .ToDictionary(c => c.Coder, c => c.i, StringComparer.Ordinal);

    /// <summary>
    /// Up to three distinct quotes: the answers with the most keyword matches for the theme (tie: shorter answer,
    /// then response id), de-identified, whitespace collapsed and cut to 300 characters at a word boundary.
    /// </summary>
    private async Task<IReadOnlyList<string>> QuotesAsync(string theme, List<OpenAnswer> answers, Func<OpenAnswer, IReadOnlyList<ThemeSuggestion>> suggest, CancellationToken ct)
    {
        var ranked = answers
            .Select(a => (Answer: a, Matches: suggest(a).FirstOrDefault(s => s.Code == theme)?.Matches.Count ?? 0))
            .OrderByDescending(x => x.Matches).ThenBy(x => x.Answer.Text.Length).ThenBy(x => x.Answer.ResponseId)
            .Select(x => x.Answer);
        var quotes = new List<string>();
        // The same words from several gemeenten are one quote: de-identify each distinct text once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in ranked)
        {
            var text = Whitespace().Replace(answer.Text, " ");
            if (!seen.Add(text))
            {
                continue;
            }
            var quote = Trim(Whitespace().Replace(await scrubber.DeidentifyAsync(text, answer.GemeenteCode, ct), " ").Trim());
            if (!quotes.Contains(quote, StringComparer.Ordinal))
            {
                quotes.Add(quote);
            }
            if (quotes.Count == MaxQuotes)
            {
                break;
            }
        }
        return quotes;
    }

    /// <summary>A quote of at most 300 characters: cut at the last space before the limit, with "…".</summary>
    public static string Trim(string text)
    {
        if (text.Length <= MaxQuoteLength)
        {
            return text;
        }
        var cut = text[..(MaxQuoteLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > 0)
        {
            cut = cut[..space];
        }
        return cut.TrimEnd(' ', ',', ';', ':', '-') + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
