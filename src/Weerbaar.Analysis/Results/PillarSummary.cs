using System.Globalization;
using Weerbaar.Analysis.Statistics;

namespace Weerbaar.Analysis.Results;

/// <summary>
/// One pillar: score (1–10) mean and sample standard deviation over the N respondents who gave a score, and the mean of
/// its rank (1 = highest priority) over the respondents who ranked the pillars.
/// </summary>
public sealed record PillarResult(string Code, int N, double? MeanScore, double? SdScore, double? MeanRank, int NRanked);

public static class PillarSummary
{
    public static PillarResult Summarize(string code, IEnumerable<string?> scores, IEnumerable<string?> ranks)
    {
        var s = Descriptives.Summarize(Numbers(scores));
        var r = Numbers(ranks);
        return new PillarResult(code, s.N, s.Mean, s.StandardDeviation, r.Count > 0 ? r.Average() : null, r.Count);
    }

    private static List<double> Numbers(IEnumerable<string?> values)
        => values.Select(v => int.TryParse(v?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? (double?)x : null)
            .OfType<double>().ToList();
}
