using Weerbaar.Analysis.Statistics;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Statistics;

public class DescriptivesTests
{
    private const string File = "statistics-mean.json";

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summarize_matches_numpy_and_scipy_t(string name)
    {
        var c = Case(File, name);
        var result = Descriptives.Summarize(Doubles(c.GetProperty("values")), c.GetProperty("confidence").GetDouble());
        var expected = c.GetProperty("expected");

        Assert.Equal(expected.GetProperty("n").GetInt32(), result.N);
        AssertNullableNear(NullableDouble(expected.GetProperty("mean")), result.Mean, "mean");
        AssertNullableNear(NullableDouble(expected.GetProperty("sd")), result.StandardDeviation, "sd");
        AssertNullableNear(NullableDouble(expected.GetProperty("lower")), result.MeanInterval?.Lower, "lower");
        AssertNullableNear(NullableDouble(expected.GetProperty("upper")), result.MeanInterval?.Upper, "upper");
    }

    [Fact]
    public void Summarize_hand_worked_three_values()
    {
        // 1, 2, 2: mean 5/3, s² = ((2/3)² + 2·(1/3)²)/2 = 1/3. With two degrees of freedom the t distribution
        // has a closed form, P(|T| ≤ t) = t/√(2 + t²), so the 95 % quantile is t = √(2·0.95²/(1 − 0.95²))
        // = √18.512820512820513 = 4.3026527297494637. Half-width t·s/√3 = t/3.
        var result = Descriptives.Summarize([1.0, 2.0, 2.0]);
        var t = Math.Sqrt(2 * 0.95 * 0.95 / (1 - (0.95 * 0.95)));

        Near(5.0 / 3.0, result.Mean!.Value, StatisticTolerance, "mean");
        Near(Math.Sqrt(1.0 / 3.0), result.StandardDeviation!.Value, StatisticTolerance, "sd");
        Near((5.0 / 3.0) - (t / 3.0), result.MeanInterval!.Lower, StatisticTolerance, "lower");
        Near((5.0 / 3.0) + (t / 3.0), result.MeanInterval!.Upper, StatisticTolerance, "upper");
    }

    [Fact]
    public void Summarize_rejects_non_finite_values() =>
        Assert.Throws<ArgumentException>(() => Descriptives.Summarize([1.0, double.NaN]));

    private static void AssertNullableNear(double? expected, double? actual, string what)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Near(expected.Value, actual.Value, StatisticTolerance, what);
    }
}
