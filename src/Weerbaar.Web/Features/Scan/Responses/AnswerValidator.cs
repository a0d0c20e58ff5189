using System.Globalization;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Features.Scan.Responses;

public sealed record AnswerError(string Question, string Message);

/// <summary>
/// Checks answers (codes as in the response file: "3", "WN", "OOV|CRISIS", "7") against an instrument.
/// The same rules serve the respondent pages, the respondent API and the CSV import.
/// </summary>
public static class AnswerValidator
{
    public const char MultipleSeparator = '|';

    /// <summary>Trims values and drops empty ones: an empty answer is "not answered".</summary>
    public static Dictionary<string, string> Normalize(IReadOnlyDictionary<string, string?>? answers)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in answers ?? new Dictionary<string, string?>())
        {
            var v = value?.Trim();
            if (!string.IsNullOrEmpty(v))
            {
                result[key] = v.ReplaceLineEndings("\n");
            }
        }
        return result;
    }

    /// <param name="answers">Normalized answers (see <see cref="Normalize"/>).</param>
    /// <param name="part">When set, only answers of that part may be present (a page save).</param>
    /// <param name="context">Answers already stored, for conditions that refer to another part.</param>
    public static List<AnswerError> Validate(Instrument instrument, IReadOnlyDictionary<string, string> answers, int? part = null,
        IReadOnlyDictionary<string, string>? context = null)
    {
        var errors = new List<AnswerError>();
        var allowed = part is null
            ? instrument.AnswerIds.ToHashSet(StringComparer.Ordinal)
            : instrument.Parts.FirstOrDefault(p => p.Number == part)?.Questions.SelectMany(q => q.AnswerIds).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var id in answers.Keys.Where(k => !allowed.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new(id, instrument.QuestionOf(id) is null
                ? $"Onbekende vraag '{id}' in {instrument.Id}."
                : $"Vraag '{id}' hoort niet bij deel {part}."));
        }

        string? Lookup(string id) => answers.TryGetValue(id, out var v) ? v : context?.GetValueOrDefault(id);

        var questions = part is null ? instrument.Questions : instrument.Parts.Where(p => p.Number == part).SelectMany(p => p.Questions);
        foreach (var q in questions)
        {
            if (q.Type == QuestionType.Ranking)
            {
                errors.AddRange(ValidateRanking(q, answers));
                continue;
            }
            if (!answers.TryGetValue(q.Id, out var value))
            {
                if (q.Required && Visible(q, Lookup))
                {
                    errors.Add(new(q.Id, "Deze vraag is verplicht."));
                }
                continue;
            }
            if (!Visible(q, Lookup))
            {
                errors.Add(new(q.Id, $"Alleen invullen als bij {q.ShowIf!.Question} '{Label(instrument, q.ShowIf.Question, q.ShowIf.Contains)}' is gekozen."));
                continue;
            }
            var message = q.Type switch
            {
                QuestionType.SingleChoice => CheckSingle(instrument.AnswerSets[q.AnswerSet!], value),
                QuestionType.MultipleChoice => CheckMultiple(instrument.AnswerSets[q.AnswerSet!], value),
                QuestionType.WholeNumber => CheckNumber(q, value),
                QuestionType.Text => CheckText(q, value),
                _ => null,
            };
            if (message is not null)
            {
                errors.Add(new(q.Id, message));
            }
        }
        return errors;
    }

    /// <summary>Whether a question applies: it has no condition, or the condition's multiple-choice answer contains the code.</summary>
    public static bool Visible(Question q, Func<string, string?> lookup)
        => q.ShowIf is not { } c || (lookup(c.Question)?.Split(MultipleSeparator).Contains(c.Contains, StringComparer.Ordinal) ?? false);

    private static string Label(Instrument instrument, string questionId, string code)
        => instrument.QuestionOf(questionId) is { AnswerSet: { } set } ? instrument.AnswerSets[set].Options.FirstOrDefault(o => o.Code == code)?.Label ?? code : code;

    private static string? CheckSingle(AnswerSet set, string value)
        => set.Options.Any(o => o.Code == value) || set.DontKnow?.Code == value
            ? null
            : $"'{value}' is geen geldig antwoord; kies uit {string.Join(", ", set.Options.Select(o => o.Code).Append(set.DontKnow?.Code).OfType<string>())}.";

    private static string? CheckMultiple(AnswerSet set, string value)
    {
        var codes = value.Split(MultipleSeparator, StringSplitOptions.TrimEntries);
        var unknown = codes.Where(c => set.Options.All(o => o.Code != c)).ToList();
        if (unknown.Count > 0)
        {
            return $"Onbekende code(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; kies uit {string.Join(", ", set.Options.Select(o => o.Code))}, gescheiden door |.";
        }
        if (codes.Distinct(StringComparer.Ordinal).Count() != codes.Length)
        {
            return "Een code komt meer dan eens voor.";
        }
        var exclusive = set.Options.FirstOrDefault(o => o.Exclusive && codes.Contains(o.Code));
        return exclusive is not null && codes.Length > 1
            ? $"'{exclusive.Label}' ({exclusive.Code}) kan niet samen met andere antwoorden worden gekozen."
            : null;
    }

    private static string? CheckNumber(Question q, string value)
        => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= q.Min && n <= q.Max
            ? null
            : $"Vul een geheel getal van {q.Min} tot en met {q.Max} in (was '{Shorten(value)}').";

    private static string? CheckText(Question q, string value)
    {
        if (value.Length > q.MaxLength)
        {
            return $"Het antwoord is {value.Length} tekens lang; het mag hoogstens {q.MaxLength} tekens zijn.";
        }
        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))
            ? "Het antwoord bevat onzichtbare stuurtekens; verwijder die."
            : null;
    }

    private static IEnumerable<AnswerError> ValidateRanking(Question q, IReadOnlyDictionary<string, string> answers)
    {
        var items = q.Items!;
        var n = items.Count;
        var given = items.Where(i => answers.ContainsKey(i.Id)).ToList();
        if (given.Count == 0)
        {
            if (q.Required)
            {
                yield return new(items[0].Id, "Deze rangorde is verplicht.");
            }
            yield break;
        }
        var positions = new Dictionary<int, string>();
        foreach (var item in given)
        {
            var value = answers[item.Id];
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p < 1 || p > n)
            {
                yield return new(item.Id, $"Positie moet een getal van 1 tot en met {n} zijn (was '{Shorten(value)}').");
            }
            else if (positions.TryGetValue(p, out var other))
            {
                yield return new(item.Id, $"Positie {p} is ook aan {other} gegeven; elke positie mag maar één keer voorkomen.");
            }
            else
            {
                positions[p] = item.Label;
            }
        }
        foreach (var item in items.Where(i => !answers.ContainsKey(i.Id)))
        {
            yield return new(item.Id, $"Geef ook '{item.Label}' een positie: vul alle {n} posities in of laat ze allemaal leeg.");
        }
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
