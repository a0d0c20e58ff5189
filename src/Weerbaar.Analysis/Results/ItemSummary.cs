using System.Globalization;

namespace Weerbaar.Analysis.Results;

public enum ItemKind
{
    /// <summary>An ordered answer scale (LIKERT5): counts, percentages and a mean of the codes.</summary>
    Ordinal,
    /// <summary>Unordered single choice: counts and percentages, no mean.</summary>
    Nominal,
    /// <summary>Several codes per answer, joined with '|': counts per code, percentages of those who answered.</summary>
    Multiple,
    /// <summary>A whole-number score (1–10): counts per value in range, percentages and a mean.</summary>
    Score,
}

/// <param name="Codes">The answer codes in display order (for <see cref="ItemKind.Score"/> every value of the range).</param>
/// <param name="DontKnowCode">The code that means "weet niet": counted apart, never in n.</param>
public sealed record ItemSpec(string Id, ItemKind Kind, IReadOnlyList<string> Codes, string? DontKnowCode = null);

/// <summary>
/// One question's distribution as the API contract defines it: <see cref="N"/> counts answers with a scale value
/// (not 'weet niet', not empty); percentages are of N, in percent, not rounded. For a multiple-choice question counts are
/// per code and percentages of the respondents who answered it.
/// </summary>
public sealed record ItemResult(
    string Id, int N, int DontKnow, IReadOnlyDictionary<string, int> Counts, IReadOnlyDictionary<string, double> Percentages, double? Mean);

public static class ItemSummary
{
    public const char Separator = '|';

    public static ItemResult Summarize(ItemSpec spec, IEnumerable<string?> answers)
    {
        var counts = spec.Codes.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        var n = 0;
        var dontKnow = 0;
        var sum = 0.0;
        foreach (var raw in answers)
        {
            var answer = raw?.Trim();
            if (string.IsNullOrEmpty(answer))
            {
                continue;
            }
            if (answer == spec.DontKnowCode)
            {
                dontKnow++;
                continue;
            }
            if (spec.Kind == ItemKind.Multiple)
            {
                var codes = answer.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)
                    .Where(counts.ContainsKey).ToList();
                if (codes.Count == 0)
                {
                    continue;
                }
                n++;
                codes.ForEach(c => counts[c]++);
                continue;
            }
            if (!counts.ContainsKey(answer))
            {
                // Not a code of this question: not a scale value, so not in n (validation keeps these out of the data).
                continue;
            }
            n++;
            counts[answer]++;
            if (spec.Kind is ItemKind.Ordinal or ItemKind.Score)
            {
                sum += double.Parse(answer, NumberStyles.Integer, CultureInfo.InvariantCulture);
            }
        }
        var percentages = counts.ToDictionary(kv => kv.Key, kv => n == 0 ? 0.0 : 100.0 * kv.Value / n, StringComparer.Ordinal);
        double? mean = spec.Kind is ItemKind.Ordinal or ItemKind.Score && n > 0 ? sum / n : null;
        return new ItemResult(spec.Id, n, dontKnow, counts, percentages, mean);
    }
}
