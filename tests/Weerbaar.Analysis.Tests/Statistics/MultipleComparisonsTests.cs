using Weerbaar.Analysis.Statistics;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Statistics;

public class MultipleComparisonsTests
{
    private const string File = "statistics-holm.json";

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Holm_matches_R_p_adjust(string name)
    {
        var c = Case(File, name);
        var p = Doubles(c.GetProperty("p"));
        var expected = Doubles(c.GetProperty("expected"));

        var adjusted = MultipleComparisons.Holm(p);

        Assert.Equal(expected.Length, adjusted.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Near(expected[i], adjusted[i], PValueTolerance, $"p[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Holm_is_monotone_capped_and_never_below_the_raw_p(string name)
    {
        var p = Doubles(Case(File, name).GetProperty("p"));

        var adjusted = MultipleComparisons.Holm(p);

        for (var i = 0; i < p.Length; i++)
        {
            Assert.InRange(adjusted[i], p[i], 1.0);
            for (var j = 0; j < p.Length; j++)
            {
                if (p[i] < p[j])
                {
                    Assert.True(adjusted[i] <= adjusted[j], $"order kept between {i} and {j}");
                }
            }
        }
    }

    [Fact]
    public void Holm_hand_worked()
    {
        // m = 4, sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → running max
        // 0.02, 0.03, 0.06, 0.06, returned in the original order.
        var adjusted = MultipleComparisons.Holm([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Holm_rejects_values_that_are_not_p_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm([0.1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm([1.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm([-0.1]));
    }
}
