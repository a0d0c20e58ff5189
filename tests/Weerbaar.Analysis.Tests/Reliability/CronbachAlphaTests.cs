using Weerbaar.Analysis.Reliability;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Reliability;

public class CronbachAlphaTests
{
    private const string File = "reliability-alpha.json";

    // All reference values (α, Feldt bounds, item-rest r, α-if-deleted) agree to 1e-10; relative above 1
    // (the negative-α case has bounds near −58).
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_MatchesScipyReference(string name)
    {
        var c = Case(File, name);
        var rows = NullableMatrix(c.GetProperty("rows"));

        var result = CronbachAlpha.Compute(rows, c.GetProperty("confidenceLevel").GetDouble());

        Assert.Equal(rows.Length, result.Respondents);
        Assert.Equal(c.GetProperty("n").GetInt32(), result.N);
        Assert.Equal(rows.Length - result.N, result.Excluded);
        Close(NullableDouble(c.GetProperty("alpha")), result.Alpha, Tolerance, "alpha");
        Close(NullableDouble(c.GetProperty("lower")), result.AlphaLower, Tolerance, "lower");
        Close(NullableDouble(c.GetProperty("upper")), result.AlphaUpper, Tolerance, "upper");

        var items = c.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(items.Length, result.Items.Count);
        for (var i = 0; i < items.Length; i++)
        {
            var actual = result.Items[i];
            Assert.Equal(i, actual.Index);
            Close(items[i].GetProperty("mean").GetDouble(), actual.Mean, Tolerance, $"item {i} mean");
            Close(items[i].GetProperty("variance").GetDouble(), actual.Variance, Tolerance, $"item {i} variance");
            Close(NullableDouble(items[i].GetProperty("itemRest")), actual.ItemRestCorrelation, Tolerance, $"item {i} item-rest r");
            Close(NullableDouble(items[i].GetProperty("alphaIfDeleted")), actual.AlphaIfDeleted, Tolerance, $"item {i} alpha if deleted");
        }
    }

    [Fact]
    public void Compute_ParallelItems_AlphaFromHandWorkedVariances()
    {
        // Hand-worked: items x, x, x+1 for x = 1, 2, 3 → every item variance 1, total 3x+1 has variance 9,
        // α = 3/2 · (1 − 3/9) = 1 exactly (perfectly consistent items); the Feldt interval collapses to [1, 1].
        double?[][] rows = [[1, 1, 2], [2, 2, 3], [3, 3, 4]];

        var result = CronbachAlpha.Compute(rows);

        Assert.Equal(1.0, result.Alpha!.Value, 12);
        Assert.Equal(1.0, result.AlphaLower!.Value, 12);
        Assert.Equal(1.0, result.AlphaUpper!.Value, 12);
        Assert.All(result.Items, item => Assert.Equal(1.0, item.ItemRestCorrelation!.Value, 12));
    }

    [Fact]
    public void Compute_RowOrderAndListwiseDeletion_DoNotChangeAlpha()
    {
        double?[][] rows = [[1, 2, 2], [2, 2, 3], [3, 4, 4], [5, 4, 5], [2, 1, 2]];
        double?[][] shuffledWithMissing = [[5, 4, 5], [null, 1, 1], [2, 1, 2], [3, 4, 4], [1, 2, 2], [2, 2, 3], [4, null, 4]];

        var a = CronbachAlpha.Compute(rows);
        var b = CronbachAlpha.Compute(shuffledWithMissing);

        Assert.Equal(a.Alpha!.Value, b.Alpha!.Value, 12);
        Assert.Equal(2, b.Excluded);
    }

    [Fact]
    public void Compute_NoRows_ReturnsEmptyResult()
    {
        var result = CronbachAlpha.Compute(Array.Empty<double?[]>());

        Assert.Equal(0, result.N);
        Assert.Null(result.Alpha);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Compute_RaggedRows_Throws()
    {
        double?[][] rows = [[1, 2, 3], [1, 2]];

        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute(rows));
    }

    [Fact]
    public void Compute_NonFiniteValue_Throws()
    {
        double?[][] rows = [[1, 2], [double.NaN, 2]];

        Assert.Throws<ArgumentException>(() => CronbachAlpha.Compute(rows));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Compute_ConfidenceLevelOutOfRange_Throws(double level)
    {
        double?[][] rows = [[1, 2], [2, 3], [4, 4]];

        Assert.Throws<ArgumentOutOfRangeException>(() => CronbachAlpha.Compute(rows, level));
    }
}
