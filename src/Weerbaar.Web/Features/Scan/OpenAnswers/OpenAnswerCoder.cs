using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.OpenAnswers;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Shared.Auth;

namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>The researcher who codes: the account id (kept as CoderId) and the e-mail address shown as who coded.</summary>
public sealed record Coder(string Id, string Name)
{
    public static Coder From(ClaimsPrincipal user)
        => new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Geen gebruiker."),
            user.FindFirstValue(ClaimTypes.Email) ?? user.NameOrUnknown());
}

/// <summary>One non-empty open answer of a submitted response.</summary>
public sealed record OpenAnswer(Guid ResponseId, string GemeenteCode, int Position, string Text);

/// <summary>A researcher's coding of one answer as shown to them.</summary>
public sealed record OwnCoding(IReadOnlyList<string> Themes, string CoderName, DateTimeOffset CodedAt);

/// <summary>An answer on the coding page: its text, the keyword suggestion and the current researcher's coding (null when not coded yet).</summary>
public sealed record AnswerToCode(int Number, OpenAnswer Answer, IReadOnlyList<ThemeSuggestion> Suggestions, OwnCoding? Coding)
{
    /// <summary>What the checkboxes show: the researcher's own coding, or else the suggestion.</summary>
    public IReadOnlyList<string> Ticked => Coding?.Themes ?? Suggestions.Select(s => s.Code).ToList();
}

/// <summary>How far the coding of one open question is.</summary>
public sealed record CodingProgress(Question Question, int Answers, int CodedByMe, int CodedByAnyone);

/// <summary>One page of answers of one open question.</summary>
public sealed record CodingPage(Question Question, int Total, int CodedByMe, int Page, int PageCount, IReadOnlyList<AnswerToCode> Answers);

public abstract record CodingOutcome
{
    public sealed record Saved(OwnCoding Coding) : CodingOutcome;
    public sealed record Invalid(string Message) : CodingOutcome;
    public sealed record NotFound : CodingOutcome;
}

/// <summary>
/// Coding of the open answers (O1–O4) by researchers: the keyword suggestion of <see cref="ThemeSuggester"/> is a
/// proposal, the researcher's saved themes are the coding. Each researcher has at most one coding per answer; saving
/// again replaces it (who and when are kept with it). Only submitted responses with a non-empty answer count.
/// </summary>
public sealed class OpenAnswerCoder(AppDbContext db, InstrumentCatalog instruments, ThemeSuggester suggester, TimeProvider clock)
{
    public const int PageSize = 25;

    public static ThemeCodebook Codebook => ThemeCodebook.Default;

    /// <summary>The open questions of an instrument: free-text questions that are not the "anders, namelijk" of another question.</summary>
    public static IReadOnlyList<Question> OpenQuestions(Instrument instrument)
        => instrument.Questions.Where(q => q.Type == QuestionType.Text && q.ShowIf is null).ToList();

    /// <summary>The open question of the round's instrument, or null when the round or question does not exist.</summary>
    public async Task<(Instrument Instrument, Question Question)?> FindQuestionAsync(Guid roundId, string questionId, CancellationToken ct)
    {
        var instrumentId = await db.ScanRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.InstrumentId).FirstOrDefaultAsync(ct);
        if (instrumentId is null || instruments.Find(instrumentId) is not { } instrument)
        {
            return null;
        }
        var question = OpenQuestions(instrument).FirstOrDefault(q => string.Equals(q.Id, questionId, StringComparison.OrdinalIgnoreCase));
        return question is null ? null : (instrument, question);
    }

    /// <summary>The non-empty answers to the open questions of submitted responses, per question, in response order.</summary>
    public async Task<Dictionary<string, List<OpenAnswer>>> AnswersAsync(Guid roundId, IReadOnlyCollection<string> questionIds, CancellationToken ct)
    {
        var responses = await db.ScanResponses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ResponseStatus.Submitted)
            .OrderBy(r => r.Position).ThenBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.GemeenteCode, r.Position, r.Answers })
            .ToListAsync(ct);
        return questionIds.ToDictionary(q => q, q => responses
            .Where(r => !string.IsNullOrWhiteSpace(r.Answers.GetValueOrDefault(q)))
            .Select(r => new OpenAnswer(r.Id, r.GemeenteCode, r.Position, r.Answers[q].Trim()))
            .ToList());
    }

    /// <summary>Per open question: non-empty answers, answers the researcher coded, answers anyone coded. Null for an unknown round.</summary>
    public async Task<IReadOnlyList<CodingProgress>?> ProgressAsync(Guid roundId, Coder coder, CancellationToken ct)
    {
        var instrumentId = await db.ScanRounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => r.InstrumentId).FirstOrDefaultAsync(ct);
        if (instrumentId is null || instruments.Find(instrumentId) is not { } instrument)
        {
            return null;
        }
        var questions = OpenQuestions(instrument);
        var answers = await AnswersAsync(roundId, questions.Select(q => q.Id).ToList(), ct);
        var codings = await db.OpenAnswerCodings.AsNoTracking().Where(c => c.RoundId == roundId)
            .Select(c => new { c.QuestionId, c.ResponseId, c.CoderId }).ToListAsync(ct);
        return questions.Select(q =>
        {
            var codable = answers[q.Id].Select(a => a.ResponseId).ToHashSet();
            var of = codings.Where(c => c.QuestionId == q.Id && codable.Contains(c.ResponseId)).ToList();
            return new CodingProgress(q, codable.Count, of.Count(c => c.CoderId == coder.Id), of.Select(c => c.ResponseId).Distinct().Count());
        }).ToList();
    }

    /// <summary>Page <paramref name="page"/> (from 1) of the answers to one question with the researcher's coding or the suggestion.</summary>
    public async Task<CodingPage?> ListAsync(Guid roundId, string questionId, Coder coder, int page, CancellationToken ct)
    {
        if (await FindQuestionAsync(roundId, questionId, ct) is not { } found)
        {
            return null;
        }
        var question = found.Question;
        var answers = (await AnswersAsync(roundId, [question.Id], ct))[question.Id];
        var mine = await db.OpenAnswerCodings.AsNoTracking()
            .Where(c => c.RoundId == roundId && c.QuestionId == question.Id && c.CoderId == coder.Id)
            .ToDictionaryAsync(c => c.ResponseId, ct);
        var pageCount = Math.Max(1, (answers.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var shown = answers
            .Select((a, i) => (Answer: a, Number: i + 1))
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new AnswerToCode(x.Number, x.Answer, suggester.Suggest(x.Answer.Text),
                mine.TryGetValue(x.Answer.ResponseId, out var c) ? new OwnCoding(c.Themes, c.CoderName, c.CodedAt) : null))
            .ToList();
        return new CodingPage(question, answers.Count, answers.Count(a => mine.ContainsKey(a.ResponseId)), page, pageCount, shown);
    }

    /// <summary>Saves the researcher's themes for one answer, replacing their earlier coding of it (not anyone else's).
    /// Every theme must be a code of the codebook; otherwise nothing changes.</summary>
    public async Task<CodingOutcome> SaveAsync(Guid roundId, string questionId, Guid responseId, IReadOnlyCollection<string> themes, Coder coder, CancellationToken ct)
    {
        var known = Codebook.Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = themes.Where(t => !known.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return new CodingOutcome.Invalid(unknown.Count == 1
                ? $"Het thema ‘{unknown[0]}’ staat niet in het codeboek; de codering is niet opgeslagen."
                : $"De thema's {string.Join(", ", unknown.Select(u => $"‘{u}’"))} staan niet in het codeboek; de codering is niet opgeslagen.");
        }
        if (await FindQuestionAsync(roundId, questionId, ct) is not { } found)
        {
            return new CodingOutcome.NotFound();
        }
        var question = found.Question.Id;
        var answer = await db.ScanResponses.AsNoTracking()
            .Where(r => r.Id == responseId && r.RoundId == roundId && r.Status == ResponseStatus.Submitted)
            .Select(r => r.Answers).FirstOrDefaultAsync(ct);
        if (answer?.GetValueOrDefault(question) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return new CodingOutcome.NotFound();
        }

        var ordered = Codebook.Themes.Select(t => t.Code).Where(themes.Contains).ToList();
        var suggested = suggester.Suggest(text.Trim()).Select(s => s.Code).ToList();
        var now = clock.GetUtcNow();
        // A double-clicked save can insert the same (response, question, coder) twice at once: the unique index refuses
        // the second insert, which then finds the first row and updates it.
        for (var attempt = 1; ; attempt++)
        {
            var coding = await db.OpenAnswerCodings.FirstOrDefaultAsync(c => c.ResponseId == responseId && c.QuestionId == question && c.CoderId == coder.Id, ct);
            if (coding is null)
            {
                coding = new OpenAnswerCoding { Id = Guid.NewGuid(), RoundId = roundId, ResponseId = responseId, QuestionId = question, CoderId = coder.Id, CoderName = coder.Name };
                db.OpenAnswerCodings.Add(coding);
            }
            coding.CoderName = coder.Name;
            coding.Themes = ordered;
            coding.Suggested = suggested;
            coding.CodedAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }
        return new CodingOutcome.Saved(new OwnCoding(ordered, coder.Name, now));
    }

    /// <summary>
    /// Codes every answer of the question that the researcher has not coded yet and that has a suggestion, as
    /// suggested; answers without a suggestion stay uncoded (they need a researcher's reading). One SaveChanges,
    /// so all or nothing. Returns (coded now, left without suggestion), or null for an unknown round or question.
    /// </summary>
    public async Task<(int Coded, int WithoutSuggestion)?> AcceptSuggestionsAsync(Guid roundId, string questionId, Coder coder, CancellationToken ct)
    {
        if (await FindQuestionAsync(roundId, questionId, ct) is not { } found)
        {
            return null;
        }
        var question = found.Question.Id;
        var answers = (await AnswersAsync(roundId, [question], ct))[question];
        for (var attempt = 1; ; attempt++)
        {
            var mine = (await db.OpenAnswerCodings.AsNoTracking()
                .Where(c => c.RoundId == roundId && c.QuestionId == question && c.CoderId == coder.Id)
                .Select(c => c.ResponseId).ToListAsync(ct)).ToHashSet();
            var now = clock.GetUtcNow();
            int coded = 0, without = 0;
            foreach (var answer in answers.Where(a => !mine.Contains(a.ResponseId)))
            {
                var suggested = suggester.Suggest(answer.Text).Select(s => s.Code).ToList();
                if (suggested.Count == 0)
                {
                    without++;
                    continue;
                }
                var ordered = Codebook.Themes.Select(t => t.Code).Where(suggested.Contains).ToList();
                db.OpenAnswerCodings.Add(new OpenAnswerCoding
                {
                    Id = Guid.NewGuid(),
                    RoundId = roundId,
                    ResponseId = answer.ResponseId,
                    QuestionId = question,
                    CoderId = coder.Id,
                    CoderName = coder.Name,
                    Themes = ordered,
                    Suggested = suggested,
                    CodedAt = now,
                });
                coded++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return (coded, without);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The researcher saved one of these answers meanwhile: start again without it.
                db.ChangeTracker.Clear();
            }
        }
    }
}
