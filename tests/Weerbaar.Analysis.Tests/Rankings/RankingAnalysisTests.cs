using System.Text.Json;
using Weerbaar.Analysis.Rankings;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Rankings;

public class RankingAnalysisTests
{
    private const string File = "rankings-pillars.json";

    // Means, shares, Borda counts, W and χ² agree to 1e-10. The p-value is compared relatively (1e-10 of its
    // own size), because the realistic cases have p down to 1e-64.
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyze_MatchesScipyReference(string name)
    {
        var c = Case(File, name);
        var m = c.GetProperty("m").GetInt32();

        var result = RankingAnalysis.Analyze(m, NullableMatrix(c.GetProperty("rows")));

        Assert.Equal(m, result.ItemCount);
        Assert.Equal(c.GetProperty("n").GetInt32(), result.Respondents);
        Assert.Equal(c.GetProperty("ignored").GetInt32(), result.Ignored);
        for (var j = 0; j < m; j++)
        {
            Assert.Equal(j, result.Items[j].Index);
            Close(NullableDouble(c.GetProperty("meanRank")[j]), result.Items[j].MeanRank, Tolerance, $"mean rank {j}");
            Close(NullableDouble(c.GetProperty("shareFirst")[j]), result.Items[j].ShareFirst, Tolerance, $"share first {j}");
            Close(c.GetProperty("borda")[j].GetDouble(), result.Items[j].BordaCount, Tolerance, $"Borda {j}");
            for (var k = 0; k < m; k++)
            {
                Assert.Equal(c.GetProperty("counts")[j][k].GetInt32(), result.PreferenceCounts[j][k]);
                Close(c.GetProperty("preferences")[j][k].GetDouble(), result.Preferences[j][k], Tolerance, $"P[{j}][{k}]");
            }
        }

        var winner = c.GetProperty("condorcetWinner");
        Assert.Equal(winner.ValueKind == JsonValueKind.Null ? null : winner.GetInt32(), result.CondorcetWinner);
        var order = c.GetProperty("condorcetOrder");
        if (order.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(result.CondorcetOrder);
        }
        else
        {
            Assert.Equal(order.EnumerateArray().Select(e => e.GetInt32()), result.CondorcetOrder!);
        }

        var w = c.GetProperty("concordance");
        if (w.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(result.Concordance);
            return;
        }

        var concordance = result.Concordance!;
        Close(w.GetProperty("w").GetDouble(), concordance.W, Tolerance, "W");
        Close(w.GetProperty("chiSquare").GetDouble(), concordance.ChiSquare, Tolerance, "chi-square");
        Assert.Equal(w.GetProperty("df").GetInt32(), concordance.DegreesOfFreedom);
        var p = w.GetProperty("p").GetDouble();
        Assert.True(
            Math.Abs(p - concordance.P) <= Tolerance * p,
            $"p: expected {p:R}, got {concordance.P:R}");
    }

    [Fact]
    public void Analyze_HandWorkedThreeRespondents()
    {
        // Items A, B, C ranked by three respondents: A>B>C, A>C>B, B>A>C.
        // Rank sums R = (4, 6, 8), mean 6, S = 4 + 0 + 4 = 8, W = 12·8 / (3²·(27 − 3)) = 96/216 = 4/9.
        // Borda: A 2+2+1 = 5, B 1+0+2 = 3, C 0+1+0 = 1. A beats B 2:1 and C 3:0; B beats C 2:1.
        double?[][] rows = [[1, 2, 3], [1, 3, 2], [2, 1, 3]];

        var result = RankingAnalysis.Analyze(3, rows);

        Assert.Equal(4.0 / 9, result.Concordance!.W, 14);
        Assert.Equal(3 * 2 * 4.0 / 9, result.Concordance.ChiSquare, 14);
        Assert.Equal([5.0, 3.0, 1.0], result.Items.Select(i => i.BordaCount));
        Assert.Equal(2.0 / 3, result.Items[0].ShareFirst!.Value, 14);
        Assert.Equal(0, result.CondorcetWinner);
        Assert.Equal([0, 1, 2], result.CondorcetOrder!);
    }

    [Fact]
    public void Analyze_NoRankings_GivesItemsWithoutStatistics()
    {
        double?[][] rows = [[null, null, null, null, null, null]];

        var result = RankingAnalysis.Analyze(6, rows);

        Assert.Equal(0, result.Respondents);
        Assert.Equal(1, result.Ignored);
        Assert.Equal(6, result.Items.Count);
        Assert.All(result.Items, i => Assert.Null(i.MeanRank));
        Assert.Null(result.CondorcetWinner);
        Assert.Null(result.CondorcetOrder);
        Assert.Null(result.Concordance);
    }

    [Fact]
    public void Analyze_EveryoneTiesEverything_HasNoConcordance()
    {
        double?[][] rows = [[2, 2, 2], [2, 2, 2]];

        var result = RankingAnalysis.Analyze(3, rows);

        Assert.Null(result.Concordance);
        Assert.Equal(1.0, result.Items[0].ShareFirst);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 2 })]
    [InlineData(new double[] { 1, 1, 3.5 })]
    [InlineData(new double[] { 0, 1, 2 })]
    [InlineData(new double[] { 1, 2, 4 })]
    [InlineData(new double[] { 1.2, 1.8, 3 })]
    [InlineData(new double[] { 1, 2, double.NaN })]
    public void Analyze_NotARanking_Throws(double[] row)
    {
        double?[][] rows = [[1, 2, 3], [.. row.Select(v => (double?)v)]];

        Assert.Throws<ArgumentException>(() => RankingAnalysis.Analyze(3, rows));
    }

    [Fact]
    public void Analyze_MidRanksWithRoundingNoise_AreTheExactTies()
    {
        double?[][] noisy = [[1, 2.5 + 1e-12, 2.5 - 1e-12, 4], [1, 2, 3, 4]];
        double?[][] exact = [[1, 2.5, 2.5, 4], [1, 2, 3, 4]];

        var a = RankingAnalysis.Analyze(4, noisy);
        var b = RankingAnalysis.Analyze(4, exact);

        Assert.Equal(b.Concordance!.W, a.Concordance!.W);
        Assert.Equal(b.Items.Select(i => i.MeanRank), a.Items.Select(i => i.MeanRank));
        Assert.Equal(b.PreferenceCounts, a.PreferenceCounts);
        Assert.Equal(1, a.PreferenceCounts[1][2]);
        Assert.Equal(0, a.PreferenceCounts[2][1]);
    }

    [Fact]
    public void Analyze_PartlyFilledRow_Throws()
    {
        double?[][] rows = [[1, 2, null]];

        Assert.Throws<ArgumentException>(() => RankingAnalysis.Analyze(3, rows));
    }

    [Fact]
    public void Analyze_RowOfOtherLength_Throws()
    {
        double?[][] rows = [[1, 2, 3, 4]];

        Assert.Throws<ArgumentException>(() => RankingAnalysis.Analyze(3, rows));
    }

    [Fact]
    public void Analyze_FewerThanTwoItems_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingAnalysis.Analyze(1, Array.Empty<double?[]>()));
    }
}
