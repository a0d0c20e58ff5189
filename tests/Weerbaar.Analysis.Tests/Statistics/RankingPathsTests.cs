using Weerbaar.Analysis.Statistics;

namespace Weerbaar.Analysis.Tests.Statistics;

/// <summary>
/// Whole-number answers are ranked by counting, anything else by sorting: shifting every value by ½ changes the path
/// but not a single rank, so every statistic must come out identical.
/// </summary>
public class RankingPathsTests
{
    [Theory]
    [InlineData(1, 5, 40)]
    [InlineData(1, 10, 500)]
    [InlineData(-3, 3, 77)]
    public void Counting_and_sorting_give_the_same_tests(int min, int max, int n)
    {
        var random = new Random(n);
        double[] Sample(int count) => [.. Enumerable.Range(0, count).Select(_ => (double)random.Next(min, max + 1))];
        double[] Shift(double[] v) => [.. v.Select(x => x + 0.5)];
        var x = Sample(n);
        var y = Sample(n + 7);
        var z = Sample(n / 2 + 1);

        Assert.Equal(RankTests.MannWhitneyU(x, y), RankTests.MannWhitneyU(Shift(x), Shift(y)));
        Assert.Equal(RankTests.KruskalWallis([x, y, z]), RankTests.KruskalWallis([Shift(x), Shift(y), Shift(z)]));
        var paired = y.Take(n).ToArray();
        var viaCounting = RankTests.WilcoxonSignedRank(x, paired)!;
        // Differences of values shifted apart by ½ are not whole numbers: |d| ranks by sorting.
        var viaSorting = RankTests.WilcoxonSignedRank([.. x.Select(v => v * 1.5)], [.. paired.Select(v => v * 1.5)])!;
        Assert.Equal((viaCounting.Statistic * 1, viaCounting.P, viaCounting.Z), (viaSorting.Statistic, viaSorting.P, viaSorting.Z));
    }
}
