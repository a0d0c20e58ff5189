namespace Weerbaar.Analysis.OpenAnswers;

/// <summary>A keyword rule that matched, as the explanation of a suggestion.</summary>
/// <param name="Keyword">The rule as written in the codebook.</param>
/// <param name="Text">The words of the answer that matched it.</param>
/// <param name="Start">Offset of <paramref name="Text"/> in the answer.</param>
public sealed record KeywordMatch(string Keyword, string Text, int Start);

/// <summary>A suggested theme for an answer.</summary>
/// <param name="Code">Theme code.</param>
/// <param name="Label">Dutch label.</param>
/// <param name="Matches">Every match of the theme's keywords in the answer, in text order.</param>
public sealed record ThemeSuggestion(string Code, string Label, IReadOnlyList<KeywordMatch> Matches);

/// <summary>
/// Suggests codebook themes for an open answer by matching the themes' keyword rules on Dutch stems
/// (<see cref="DutchStemming"/>). A suggestion, not a coding: a researcher confirms or corrects it.
/// </summary>
public sealed class ThemeSuggester
{
    private readonly ThemeCodebook _codebook;
    private readonly List<(Theme Theme, List<(string Keyword, StemPattern[] Pattern)> Rules)> _rules = [];

    /// <summary>Compiles the keyword rules of <paramref name="codebook"/> (the default codebook when null).</summary>
    /// <exception cref="FormatException">A keyword has no words left after stop-word removal.</exception>
    public ThemeSuggester(ThemeCodebook? codebook = null)
    {
        _codebook = codebook ?? ThemeCodebook.Default;
        foreach (var theme in _codebook.Themes)
        {
            var rules = new List<(string, StemPattern[])>();
            foreach (var keyword in theme.Keywords)
            {
                var pattern = Compile(keyword, _codebook.StemOverrides);
                if (pattern.Length == 0)
                {
                    throw new FormatException($"Keyword '{keyword}' of theme {theme.Code} consists of stop words only.");
                }

                rules.Add((keyword, pattern));
            }

            _rules.Add((theme, rules));
        }
    }

    /// <summary>The themes whose keywords occur in <paramref name="answer"/>, most matches first (codebook order on
    /// ties), each with the matches as explanation. Empty when nothing matches.</summary>
    public IReadOnlyList<ThemeSuggestion> Suggest(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var tokens = DutchStemming.Analyze(answer, _codebook.StemOverrides);
        var suggestions = new List<(ThemeSuggestion Suggestion, int Order)>();
        for (var t = 0; t < _rules.Count; t++)
        {
            var (theme, rules) = _rules[t];
            var matches = new List<KeywordMatch>();
            foreach (var (keyword, pattern) in rules)
            {
                for (var i = 0; i + pattern.Length <= tokens.Count; i++)
                {
                    if (pattern.Select((p, k) => p.Matches(tokens[i + k].Stem)).All(m => m))
                    {
                        var start = tokens[i].Start;
                        var end = tokens[i + pattern.Length - 1].End;
                        matches.Add(new KeywordMatch(keyword, answer[start..end], start));
                    }
                }
            }

            if (matches.Count > 0)
            {
                // One explanation per stretch of text: "noodsteunpunt" matching both "*steunpunt" and "*steunpunten"
                // is shown once.
                var distinct = matches
                    .GroupBy(m => (m.Start, m.Text.Length))
                    .Select(g => g.First())
                    .OrderBy(m => m.Start)
                    .ToList();
                suggestions.Add((new ThemeSuggestion(theme.Code, theme.Label, distinct), t));
            }
        }

        return suggestions
            .OrderByDescending(s => s.Suggestion.Matches.Count)
            .ThenBy(s => s.Order)
            .Select(s => s.Suggestion)
            .ToList();
    }

    private static StemPattern[] Compile(string keyword, IReadOnlyDictionary<string, string> overrides)
    {
        var patterns = new List<StemPattern>();
        foreach (var word in keyword.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var leading = word.StartsWith('*');
            var trailing = word.EndsWith('*');
            var core = word.Trim('*');
            var stems = DutchStemming.Analyze(core, overrides);
            for (var k = 0; k < stems.Count; k++)
            {
                // A wildcard part is also tried unstemmed: "stroom*" has the stem "strom", but the compound
                // "stroomuitval" keeps its "stroom".
                var surface = DutchStemming.Fold(core[stems[k].Start..stems[k].End]);
                patterns.Add(new StemPattern(stems[k].Stem, surface, AnyBefore: leading && k == 0, AnyAfter: trailing && k == stems.Count - 1));
            }
        }

        return [.. patterns];
    }

    /// <summary>A stem to match: exactly, or as the end (<paramref name="AnyBefore"/>), start
    /// (<paramref name="AnyAfter"/>) or part (both) of a token's stem; with a wildcard the folded unstemmed word
    /// (<paramref name="Surface"/>) counts too.</summary>
    private readonly record struct StemPattern(string Stem, string Surface, bool AnyBefore, bool AnyAfter)
    {
        public bool Matches(string stem) => (AnyBefore, AnyAfter) switch
        {
            (false, false) => stem == Stem,
            (true, false) => stem.EndsWith(Stem, StringComparison.Ordinal) || stem.EndsWith(Surface, StringComparison.Ordinal),
            (false, true) => stem.StartsWith(Stem, StringComparison.Ordinal) || stem.StartsWith(Surface, StringComparison.Ordinal),
            _ => stem.Contains(Stem, StringComparison.Ordinal) || stem.Contains(Surface, StringComparison.Ordinal),
        };
    }
}
