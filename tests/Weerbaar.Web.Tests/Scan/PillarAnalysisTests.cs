using Weerbaar.Web.Features.Scan.Results;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The mapping of answers onto the ranking and paired tests (the statistics themselves are checked in Analysis.Tests).</summary>
public sealed class PillarAnalysisTests
{
    private static Dictionary<string, string> Ranks(params int[] ranks)
        => RoundResults.Pillars.Select((p, i) => (p, i)).ToDictionary(x => $"{x.p}_rank", x => ranks[x.i].ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Identical_rankings_give_full_agreement_and_their_order_as_Condorcet_order()
    {
        var answers = new List<Dictionary<string, string>> { Ranks(2, 1, 3, 4, 5, 6), Ranks(2, 1, 3, 4, 5, 6), Ranks(2, 1, 3, 4, 5, 6), new() };
        var summary = PillarAnalysis.Priorities(answers);
        Assert.Equal((3, 1), (summary.Respondents, summary.Ignored));
        Assert.Equal(1.0, summary.Concordance!.W, 12);
        Assert.Equal([1, 0, 2, 3, 4, 5], summary.CondorcetOrder!); // CO first, then EC
        Assert.Equal(1.0, summary.Items[1].ShareFirst);
    }

    [Fact]
    public void Depth_pairs_only_respondents_with_both_scale_answers_and_signs_bewustzijn_above_inzicht_positive()
    {
        var answers = Enumerable.Range(0, 8).Select(i => new Dictionary<string, string> { ["EC_bewustzijn"] = "4", ["EC_inzicht"] = i < 6 ? "2" : "WN" }).ToList();
        var ec = PillarAnalysis.Depth(answers).Single(d => d.Code == "EC");
        Assert.Equal(6, ec.Pairs);
        Assert.Equal((4.0, 2.0), (ec.MeanBewustzijn!.Value, ec.MeanInzicht!.Value));
        Assert.Equal(1.0, ec.Test!.RankBiserial, 12);
        Assert.True(ec.PHolm >= ec.Test.P);
        Assert.Null(PillarAnalysis.Depth(answers).Single(d => d.Code == "CO").Test);
    }
}
