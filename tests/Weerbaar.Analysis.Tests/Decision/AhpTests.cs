using Weerbaar.Analysis.Decision;
using static Weerbaar.Analysis.Tests.ReferenceFixture;

namespace Weerbaar.Analysis.Tests.Decision;

public class AhpTests
{
    private const string File = "decision/ahp.json";

    // Power iteration stops at a step below 1e-13; the eigenvector then agrees with LAPACK's to about 1e-12.
    private const double Tolerance = 1e-10;

    public static TheoryData<string> Cases => Names(File);

    private static double[][] Matrix(System.Text.Json.JsonElement c) =>
        [.. c.GetProperty("matrix").EnumerateArray().Select(Doubles)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eigenvector_MatchesNumpy(string name)
    {
        var c = Case(File, name);
        var result = Ahp.Compute(Matrix(c));

        Close(c.GetProperty("lambdaMax").GetDouble(), result.LambdaMax, Tolerance, "λmax");
        Close(c.GetProperty("ci").GetDouble(), result.ConsistencyIndex, Tolerance, "CI");
        Close(c.GetProperty("cr").GetDouble(), result.ConsistencyRatio, Tolerance, "CR");
        var expected = Doubles(c.GetProperty("eigenvector"));
        for (var i = 0; i < expected.Length; i++)
        {
            Close(expected[i], result.Priorities[i], Tolerance, $"w[{i}]");
        }
        Assert.Equal(1.0, result.Priorities.Sum(), 12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeometricMean_MatchesNumpy(string name)
    {
        var c = Case(File, name);
        var result = Ahp.Compute(Matrix(c), AhpMethod.GeometricMean);

        var expected = Doubles(c.GetProperty("geometricMean"));
        for (var i = 0; i < expected.Length; i++)
        {
            Close(expected[i], result.Priorities[i], 1e-12, $"g[{i}]");
        }
        Assert.Equal(AhpMethod.GeometricMean, result.Method);
        Close(c.GetProperty("cr").GetDouble(), result.ConsistencyRatio, Tolerance, "CR (from λmax, whatever the method)");
    }

    [Fact]
    public void Compute_WikipediaLeaderExample_ReproducesPublishedWeightsAndCr()
    {
        // Wikipedia, "Analytic hierarchy process – leader example" (criteria with respect to the goal): Experience is
        // 4× Education, 3× Charisma, 7× Age; Education is 1/3 Charisma, 3× Age; Charisma is 5× Age. The article gives the
        // priorities .547, .127, .270, .056 and CR = 0.044 (RI = 0.90 for n = 4). The exact Experience weight is 0.54757,
        // which the article truncates to .547; so the weights are compared within one unit of the third decimal.
        double[][] criteria =
        [
            [1, 4, 3, 7],
            [1 / 4.0, 1, 1 / 3.0, 3],
            [1 / 3.0, 3, 1, 5],
            [1 / 7.0, 1 / 3.0, 1 / 5.0, 1],
        ];

        var result = Ahp.Compute(criteria);

        double[] published = [0.547, 0.127, 0.270, 0.056];
        Assert.All(published.Zip(result.Priorities), p => Assert.InRange(p.Second, p.First - 1e-3, p.First + 1e-3));
        Assert.Equal(0.044, Math.Round(result.ConsistencyRatio!.Value, 3));
        Assert.True(result.IsConsistent);
        Assert.Null(result.Warning);
    }

    [Fact]
    public void Synthesise_WikipediaLeaderExample_ReproducesPublishedGoalPriorities()
    {
        // Same article: the candidates (Tom, Dick, Harry) compared under each criterion; Dick .493, Tom .358, Harry .149.
        static double[][] Three(double ab, double ac, double bc) => [[1, ab, ac], [1 / ab, 1, bc], [1 / ac, 1 / bc, 1]];
        double[][] criteria = [[1, 4, 3, 7], [1 / 4.0, 1, 1 / 3.0, 3], [1 / 3.0, 3, 1, 5], [1 / 7.0, 1 / 3.0, 1 / 5.0, 1]];
        double[][][] perCriterion = [Three(1 / 4.0, 4, 9), Three(3, 1 / 5.0, 1 / 7.0), Three(5, 9, 4), Three(1 / 3.0, 5, 9)];

        var weights = Ahp.Compute(criteria).Priorities;
        var global = Ahp.Synthesise(weights, [.. perCriterion.Select(m => Ahp.Compute(m).Priorities)]);

        Assert.Equal([0.358, 0.493, 0.149], global.Select(p => Math.Round(p, 3)));
    }

    [Fact]
    public void Compute_InconsistentMatrix_WarnsInDutch()
    {
        double[][] cycle = [[1, 9, 1 / 9.0], [1 / 9.0, 1, 9], [9, 1 / 9.0, 1]];

        var result = Ahp.Compute(cycle);

        Assert.False(result.IsConsistent);
        Assert.Contains("niet consistent genoeg", result.Warning);
        Assert.Contains("de grens is 0,10", result.Warning);
    }

    [Fact]
    public void Compute_MoreThanTenCriteria_HasNoRatio()
    {
        var n = 11;
        var ones = Enumerable.Range(0, n).Select(_ => Enumerable.Repeat(1.0, n).ToArray()).ToArray();

        var result = Ahp.Compute(ones);

        Assert.Null(result.ConsistencyRatio);
        Assert.False(result.IsConsistent);
        Assert.Contains("niet te beoordelen", result.Warning);
        Assert.All(result.Priorities, p => Assert.Equal(1.0 / n, p, 14));
    }

    [Fact]
    public void Compute_AcceptsRoundedReciprocals()
    {
        double[][] typed = [[1, 3, 5], [0.333, 1, 2], [0.2, 0.5, 1]];

        Assert.True(Ahp.Compute(typed).IsConsistent);
    }

    public static TheoryData<double[][], string> Invalid => new()
    {
        { [], "leeg" },
        { [[1, 2], [0.5]], "vierkant" },
        { [[1, -2], [-0.5, 1]], "positief getal" },
        { [[1, double.NaN], [1, 1]], "positief getal" },
        { [[1, 12], [1 / 12.0, 1]], "schaal van Saaty" },
        { [[2, 1], [1, 1]], "diagonaal" },
        { [[1, 3], [3, 1]], "omgekeerde" },
        { [[1, 3, 1], [1 / 3.0, 1, 1], [1, 0.5, 1]], "(3, 2) moet het omgekeerde zijn van (2, 3)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Compute_InvalidMatrix_ThrowsDutchMessage(double[][] matrix, string fragment)
    {
        var error = Assert.Throws<ArgumentException>(() => Ahp.Compute(matrix));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomIndex_IsSaatysTable()
    {
        Assert.Equal([0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49], Enumerable.Range(1, 10).Select(n => RandomIndex.For(n)!.Value));
        Assert.Null(RandomIndex.For(11));
    }
}
