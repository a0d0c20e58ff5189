using Weerbaar.Analysis.Rankings;
using Weerbaar.Analysis.Statistics;

namespace Weerbaar.Web.Features.Scan.Results;

/// <summary>Per pillar: the paired test of bewustzijn against inzicht ("gemeenten know what, not how").</summary>
public sealed record DepthTest(string Code, int Pairs, double? MeanBewustzijn, double? MeanInzicht, WilcoxonSignedRankResult? Test, double? PHolm);

/// <summary>The priority order of the pillars beyond the mean rank, and the bewustzijn–inzicht tests, from submitted answers.</summary>
public static class PillarAnalysis
{
    /// <summary>Rankings of the pillars (index = position in <see cref="RoundResults.Pillars"/>); incomplete rows are left out.</summary>
    public static RankingSummary Priorities(IReadOnlyList<Dictionary<string, string>> answers)
    {
        var columns = AnswerColumns.Of(answers, RoundResults.Pillars.Select(p => $"{p}_rank"));
        var ranks = RoundResults.Pillars.Select(p => columns[$"{p}_rank"]).ToArray();
        var rows = Enumerable.Range(0, answers.Count)
            .Select(r => (IReadOnlyList<double?>)ranks.Select(c => RoundResults.Numeric(c[r])).ToList())
            // Validation stores a full permutation or nothing; anything else would be an import of another instrument.
            .Where(r => r.All(v => v is null) || r.All(v => v is not null))
            .ToList();
        return RankingAnalysis.Analyze(RoundResults.Pillars.Length, rows);
    }

    /// <summary>Wilcoxon signed-rank per pillar over respondents with both answers on the scale ('weet niet' left out), Holm across the six.</summary>
    public static IReadOnlyList<DepthTest> Depth(IReadOnlyList<Dictionary<string, string>> answers)
    {
        var columns = AnswerColumns.Of(answers, RoundResults.Pillars.SelectMany(p => new[] { $"{p}_bewustzijn", $"{p}_inzicht" }));
        var raw = RoundResults.Pillars.Select(p =>
        {
            var (bewustzijn, inzicht) = (columns[$"{p}_bewustzijn"], columns[$"{p}_inzicht"]);
            var pairs = Enumerable.Range(0, answers.Count)
                .Select(r => (B: RoundResults.Numeric(bewustzijn[r]), I: RoundResults.Numeric(inzicht[r])))
                .Where(x => x.B is not null && x.I is not null).ToList();
            var b = pairs.Select(x => x.B!.Value).ToList();
            var i = pairs.Select(x => x.I!.Value).ToList();
            return new DepthTest(p, pairs.Count, b.Count > 0 ? b.Average() : null, i.Count > 0 ? i.Average() : null,
                pairs.Count > 0 ? RankTests.WilcoxonSignedRank(b, i) : null, null);
        }).ToList();
        var tested = raw.Where(t => t.Test is not null).ToList();
        var holm = MultipleComparisons.Holm(tested.Select(t => t.Test!.P).ToList());
        return raw.Select(t => tested.IndexOf(t) is var k and >= 0 ? t with { PHolm = holm[k] } : t).ToList();
    }
}
