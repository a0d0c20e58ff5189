namespace Weerbaar.Web.Features.Scan.Results;

/// <summary>
/// Answers turned into one array per answer field. The responses are read row by row — every field of one response while
/// its dictionary is in the CPU cache — because a pass over all responses per question misses the cache on every
/// response: with 100,000 responses that made the statistics several times slower (bench/results, 2026-11-23).
/// </summary>
public static class AnswerColumns
{
    public static Dictionary<string, string?[]> Of(IReadOnlyList<IReadOnlyDictionary<string, string>> answers, IEnumerable<string> fields)
    {
        var columns = fields.Distinct(StringComparer.Ordinal).Select(f => (Field: f, Values: new string?[answers.Count])).ToArray();
        for (var r = 0; r < answers.Count; r++)
        {
            var row = answers[r];
            foreach (var (field, values) in columns)
            {
                values[r] = row.GetValueOrDefault(field);
            }
        }
        return columns.ToDictionary(c => c.Field, c => c.Values, StringComparer.Ordinal);
    }
}
