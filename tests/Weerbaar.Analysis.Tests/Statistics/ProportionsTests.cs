using Weerbaar.Analysis.Statistics;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Statistics;

public class ProportionsTests
{
    private const string File = "statistics-wilson.json";

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wilson_matches_scipy_formula(string name)
    {
        var c = Case(File, name);
        var result = Proportions.Wilson(c.GetProperty("successes").GetInt32(), c.GetProperty("trials").GetInt32(), c.GetProperty("confidence").GetDouble());
        var expected = c.GetProperty("expected");
        if (IsNull(expected))
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        NearStatistic(expected, "proportion", result.Proportion);
        NearStatistic(expected, "lower", result.Interval.Lower);
        NearStatistic(expected, "upper", result.Interval.Upper);
        Assert.Equal(c.GetProperty("confidence").GetDouble(), result.Interval.Level);
    }

    [Fact]
    public void Wilson_hand_worked_3_of_10()
    {
        // k = 3, n = 10, 95 %: z = 1.959963984540054, z² = 3.8414588206941254.
        //   centre = (k + z²/2)/(n + z²) = 4.920729410347063 / 13.841458820694125 = 0.35550655997257785
        //   half   = z/(n + z²) · √(k(n − k)/n + z²/4) = 0.14160096922802284 · √(2.1 + 0.96036470517353135)
        //          = 0.14160096922802284 · 1.7493898093831264 = 0.24771529256627683
        //   interval = [0.10779126740630102, 0.6032218525388546]
        var result = Proportions.Wilson(3, 10);

        Assert.NotNull(result);
        Assert.Equal(0.3, result.Proportion);
        Near(0.10779126740630102, result.Interval.Lower, StatisticTolerance, "lower");
        Near(0.6032218525388546, result.Interval.Upper, StatisticTolerance, "upper");
    }

    [Fact]
    public void Wilson_is_exactly_0_and_1_at_the_extremes()
    {
        var none = Proportions.Wilson(0, 7)!;
        var all = Proportions.Wilson(7, 7)!;

        Assert.Equal(0.0, none.Interval.Lower);
        Assert.Equal(1.0, all.Interval.Upper);
        Assert.Equal(1.0 - none.Interval.Upper, all.Interval.Lower, 1e-15);
    }

    [Fact]
    public void Wilson_rejects_impossible_counts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Proportions.Wilson(1, 3, 1.0));
    }
}
