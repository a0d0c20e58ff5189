using Weerbaar.Analysis.Statistics;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Statistics;

public class PercentileRankTests
{
    private const string File = "percentile_rank.json";

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MidRank_matches_scipy_percentileofscore_kind_mean(string name)
    {
        var c = Case(File, name);
        var result = PercentileRank.MidRank(Doubles(c.GetProperty("values")), c.GetProperty("score").GetDouble());
        Near(c.GetProperty("percentile").GetDouble(), result!.Value, StatisticTolerance, "percentile");
    }

    [Fact]
    public void MidRank_hand_worked_with_ties()
    {
        // 1, 2, 2, 4, 7 and score 2: one value below, two equal: 100 × (1 + 2/2) / 5 = 40.
        Assert.Equal(40.0, PercentileRank.MidRank([1, 2, 2, 4, 7], 2));
    }

    [Fact]
    public void MidRank_of_nothing_is_null_and_non_numbers_are_refused()
    {
        Assert.Null(PercentileRank.MidRank([], 5));
        Assert.Throws<ArgumentException>(() => PercentileRank.MidRank([1, double.NaN], 1));
        Assert.Throws<ArgumentException>(() => PercentileRank.MidRank([1, 2], double.PositiveInfinity));
    }
}
