using Weerbaar.Analysis.OpenAnswers;

namespace Weerbaar.Web.Features.Scan.OpenAnswers;

/// <summary>A stretch of an answer's text; <see cref="Themes"/> is set when keywords of those themes matched it.</summary>
public sealed record AnswerSegment(string Text, IReadOnlyList<string>? Themes);

/// <summary>Splits an answer into plain text and keyword matches, for marking the matches with &lt;mark&gt;.</summary>
public static class AnswerMarkup
{
    /// <summary>Overlapping matches (one stretch matched by keywords of two themes) become one segment with both themes.</summary>
    public static IReadOnlyList<AnswerSegment> Segments(string text, IReadOnlyList<ThemeSuggestion> suggestions)
    {
        var matches = suggestions
            .SelectMany(s => s.Matches.Select(m => (Start: m.Start, End: m.Start + m.Text.Length, s.Label)))
            .Where(m => m.Start >= 0 && m.End <= text.Length)
            .OrderBy(m => m.Start).ThenByDescending(m => m.End)
            .ToList();
        var segments = new List<AnswerSegment>();
        var position = 0;
        var i = 0;
        while (i < matches.Count)
        {
            var start = Math.Max(matches[i].Start, position);
            var end = matches[i].End;
            var labels = new List<string> { matches[i].Label };
            i++;
            while (i < matches.Count && matches[i].Start < end)
            {
                end = Math.Max(end, matches[i].End);
                if (!labels.Contains(matches[i].Label))
                {
                    labels.Add(matches[i].Label);
                }
                i++;
            }
            if (end <= start)
            {
                continue;
            }
            if (start > position)
            {
                segments.Add(new AnswerSegment(text[position..start], null));
            }
            segments.Add(new AnswerSegment(text[start..end], labels));
            position = end;
        }
        if (position < text.Length)
        {
            segments.Add(new AnswerSegment(text[position..], null));
        }
        return segments;
    }

    /// <summary>"trefwoord voor Noodsteunpunten" / "trefwoord voor Noodsteunpunten en Vitale voorzieningen".</summary>
    public static string Explanation(IReadOnlyList<string> themes)
        => "trefwoord voor " + (themes.Count == 1 ? themes[0] : string.Join(", ", themes.SkipLast(1)) + " en " + themes[^1]);
}
