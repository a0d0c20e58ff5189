using System.Globalization;

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
        var s = Numbers(scores);
        var r = Numbers(ranks);
        double? mean = s.Count > 0 ? s.Average() : null;
        double? sd = s.Count > 1 ? Math.Sqrt(s.Sum(x => (x - mean!.Value) * (x - mean.Value)) / (s.Count - 1)) : null;
        return new PillarResult(code, s.Count, mean, sd, r.Count > 0 ? r.Average() : null, r.Count);
    }

    private static List<double> Numbers(IEnumerable<string?> values)
        => values.Select(v => int.TryParse(v?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? (double?)x : null)
            .OfType<double>().ToList();
}
