using System.Text.Json;
using Weerbaar.Analysis.Statistics;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Statistics;

public class ContingencyTestsTests
{
    private const string ChiSquareFile = "statistics-chisquare.json";
    private const string FisherFile = "statistics-fisher.json";

    public static TheoryData<string> ChiSquareCases => Names(ChiSquareFile);

    public static TheoryData<string> FisherCases => Names(FisherFile);

    [Theory]
    [MemberData(nameof(ChiSquareCases))]
    public void ChiSquareIndependence_matches_scipy(string name)
    {
        var c = Case(ChiSquareFile, name);
        var table = Table(c.GetProperty("table"));
        var result = ContingencyTests.ChiSquareIndependence(table, c.GetProperty("yates").GetBoolean());
        var expected = c.GetProperty("expected");
        if (IsNull(expected))
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        NearStatistic(expected, "statistic", result.Statistic);
        Assert.Equal(expected.GetProperty("df").GetInt32(), result.DegreesOfFreedom);
        NearP(expected, "p", result.P);
        NearStatistic(expected, "cramersV", result.CramersV);
        Assert.Equal(expected.GetProperty("anyExpectedBelowFive").GetBoolean(), result.AnyExpectedBelowFive);
        var expectedCounts = expected.GetProperty("expectedCounts").EnumerateArray().Select(Doubles).ToArray();
        Assert.Equal(expectedCounts.Length, result.ExpectedCounts.Length);
        for (var i = 0; i < expectedCounts.Length; i++)
        {
            Assert.Equal(expectedCounts[i].Length, result.ExpectedCounts[i].Length);
            for (var j = 0; j < expectedCounts[i].Length; j++)
            {
                Near(expectedCounts[i][j], result.ExpectedCounts[i][j], StatisticTolerance, $"expected[{i}][{j}]");
            }
        }

        Assert.Equal(table.Sum(r => r.Sum()), result.N);
        Assert.Equal(c.GetProperty("yates").GetBoolean() && result.DegreesOfFreedom == 1, result.YatesApplied);
    }

    [Fact]
    public void ChiSquareIndependence_ignores_Yates_beyond_one_degree_of_freedom()
    {
        int[][] table = [[10, 20, 30], [15, 15, 10]];

        var plain = ContingencyTests.ChiSquareIndependence(table)!;
        var yates = ContingencyTests.ChiSquareIndependence(table, yatesCorrection: true)!;

        Assert.False(yates.YatesApplied);
        Assert.Equal(plain.Statistic, yates.Statistic);
    }

    [Fact]
    public void ChiSquareIndependence_rejects_bad_tables()
    {
        Assert.Throws<ArgumentException>(() => ContingencyTests.ChiSquareIndependence([[1, 2], [3]]));
        Assert.Throws<ArgumentException>(() => ContingencyTests.ChiSquareIndependence([[1, -2], [3, 4]]));
        Assert.Null(ContingencyTests.ChiSquareIndependence([]));
        Assert.Null(ContingencyTests.ChiSquareIndependence([[0, 0], [0, 0]]));
    }

    [Theory]
    [MemberData(nameof(FisherCases))]
    public void FisherExact_matches_scipy(string name)
    {
        var c = Case(FisherFile, name);
        var t = Table(c.GetProperty("table"));
        var result = ContingencyTests.FisherExact(t[0][0], t[0][1], t[1][0], t[1][1]);
        var expected = c.GetProperty("expected");

        NearP(expected, "p", result.P);
        var odds = NullableDouble(expected.GetProperty("oddsRatio"));
        if (odds is null)
        {
            Assert.Null(result.OddsRatio);
        }
        else
        {
            Assert.NotNull(result.OddsRatio);
            Near(odds.Value, result.OddsRatio.Value, StatisticTolerance, "oddsRatio");
        }
    }

    [Fact]
    public void FisherExact_hand_worked_tea_tasting()
    {
        // Fisher's lady tasting tea: [[3, 1], [1, 3]]. With margins 4/4/4/4, P(a) = C(4,a)·C(4,4−a)/C(8,4)
        // = 1, 16, 36, 16, 1 over 70 for a = 0..4. Tables at most as probable as a = 3 (16/70):
        // a = 0, 1, 3, 4, so p = 34/70.
        var result = ContingencyTests.FisherExact(3, 1, 1, 3);

        Near(34.0 / 70.0, result.P, PValueTolerance, "p");
        Assert.Equal(9.0, result.OddsRatio);
    }

    [Fact]
    public void FisherExact_rejects_negative_counts() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContingencyTests.FisherExact(1, -1, 2, 3));

    private static int[][] Table(JsonElement table) =>
        [.. table.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray())];
}
