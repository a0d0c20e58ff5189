using Weerbaar.Analysis.Statistics;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Statistics;

public class RankTestsTests
{
    private const string MannWhitneyFile = "statistics-mannwhitney.json";
    private const string KruskalFile = "statistics-kruskal.json";
    private const string WilcoxonFile = "statistics-wilcoxon.json";

    public static TheoryData<string> MannWhitneyCases => Names(MannWhitneyFile);

    public static TheoryData<string> KruskalCases => Names(KruskalFile);

    public static TheoryData<string> WilcoxonCases => Names(WilcoxonFile);

    [Theory]
    [MemberData(nameof(MannWhitneyCases))]
    public void MannWhitneyU_matches_scipy(string name)
    {
        var c = Case(MannWhitneyFile, name);
        var x = Doubles(c.GetProperty("x"));
        var y = Doubles(c.GetProperty("y"));
        var result = RankTests.MannWhitneyU(x, y);
        var expected = c.GetProperty("expected");
        if (IsNull(expected))
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        NearStatistic(expected, "u", result.U);
        NearP(expected, "p", result.P);
        NearStatistic(expected, "rankBiserial", result.RankBiserial);
        Assert.Equal((x.Length, y.Length), (result.N1, result.N2));
    }

    [Theory]
    [MemberData(nameof(MannWhitneyCases))]
    public void MannWhitneyU_swapping_the_groups_mirrors_U_and_r_and_keeps_p(string name)
    {
        var c = Case(MannWhitneyFile, name);
        var x = Doubles(c.GetProperty("x"));
        var y = Doubles(c.GetProperty("y"));
        var forward = RankTests.MannWhitneyU(x, y);
        var backward = RankTests.MannWhitneyU(y, x);
        if (forward is null)
        {
            Assert.Null(backward);
            return;
        }

        Assert.NotNull(backward);
        Assert.Equal((double)x.Length * y.Length - forward.U, backward.U, 1e-9);
        Assert.Equal(forward.P, backward.P, 1e-15);
        Assert.Equal(-forward.RankBiserial, backward.RankBiserial, 1e-15);
    }

    [Fact]
    public void MannWhitneyU_is_null_without_a_group()
    {
        Assert.Null(RankTests.MannWhitneyU([1.0], []));
        Assert.Null(RankTests.MannWhitneyU([], []));
    }

    [Fact]
    public void MannWhitneyU_rank_biserial_is_positive_when_the_first_group_is_larger()
    {
        var result = RankTests.MannWhitneyU([4, 5, 5], [1, 2, 2])!;

        Assert.Equal(9.0, result.U);
        Assert.Equal(1.0, result.RankBiserial);
    }

    [Theory]
    [MemberData(nameof(KruskalCases))]
    public void KruskalWallis_matches_scipy(string name)
    {
        var c = Case(KruskalFile, name);
        var groups = c.GetProperty("groups").EnumerateArray().Select(Doubles).ToArray();
        var result = RankTests.KruskalWallis(groups);
        var expected = c.GetProperty("expected");
        if (IsNull(expected))
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        NearStatistic(expected, "h", result.H);
        Assert.Equal(expected.GetProperty("df").GetInt32(), result.DegreesOfFreedom);
        NearP(expected, "p", result.P);
        NearStatistic(expected, "epsilonSquared", result.EpsilonSquared);
        Assert.Equal(groups.Sum(g => g.Length), result.N);
    }

    [Fact]
    public void KruskalWallis_of_two_groups_is_the_square_of_the_uncorrected_Mann_Whitney_z()
    {
        // An identity that does not depend on scipy: with k = 2, H = z² of the tie-corrected Mann–Whitney
        // z without continuity correction ("ties" fixture case: n₁ = 7, n₂ = 6, mean of U = 21).
        double[] x = [1, 2, 2, 3, 3, 3, 4];
        double[] y = [2, 3, 4, 4, 5, 5];
        var mw = RankTests.MannWhitneyU(x, y)!;
        var kw = RankTests.KruskalWallis([x, y])!;
        const double N = 13;
        var ties = new[] { 1, 3, 4, 3, 2 }.Sum(t => ((double)t * t * t) - t); // how often 1, 2, 3, 4, 5 occur
        var variance = 7.0 * 6.0 / 12.0 * (N + 1 - (ties / (N * (N - 1))));
        var z = (mw.U - 21.0) / Math.Sqrt(variance);

        Near(z * z, kw.H, StatisticTolerance, "H = z²");
    }

    [Theory]
    [MemberData(nameof(WilcoxonCases))]
    public void WilcoxonSignedRank_matches_scipy(string name)
    {
        var c = Case(WilcoxonFile, name);
        var result = RankTests.WilcoxonSignedRank(Doubles(c.GetProperty("x")), Doubles(c.GetProperty("y")));
        var expected = c.GetProperty("expected");
        if (IsNull(expected))
        {
            Assert.Null(result);
            return;
        }

        Assert.NotNull(result);
        NearStatistic(expected, "statistic", result.Statistic);
        NearStatistic(expected, "wPlus", result.WPlus);
        NearStatistic(expected, "wMinus", result.WMinus);
        Assert.Equal(expected.GetProperty("n").GetInt32(), result.N);
        NearStatistic(expected, "z", result.Z);
        NearP(expected, "p", result.P);
        NearStatistic(expected, "rankBiserial", result.RankBiserial);
    }

    [Fact]
    public void WilcoxonSignedRank_needs_pairs()
    {
        Assert.Throws<ArgumentException>(() => RankTests.WilcoxonSignedRank([1.0, 2.0], [1.0]));
        Assert.Null(RankTests.WilcoxonSignedRank([3.0], [3.0]));
    }

    [Fact]
    public void Ranks_reject_non_finite_values() =>
        Assert.Throws<ArgumentException>(() => RankTests.MannWhitneyU([1.0, double.NaN], [2.0]));
}
