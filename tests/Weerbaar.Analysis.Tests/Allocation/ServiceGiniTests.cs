using Weerbaar.Analysis.Allocation;

namespace Weerbaar.Analysis.Tests.Allocation;

/// <summary>Gini over people weighted by count, against hand-worked values and numpy's double sum (Fixtures/allocation).</summary>
public class ServiceGiniTests
{
    private const string File = "allocation/allocation-gini.json";

    [Theory]
    // Two people at 0 and 1: Σᵢⱼ|fᵢ − fⱼ| = 2, W = 2, μ = 1/2: G = 2 / (2 × 4 × 1/2) = 0.5.
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, 1.0 }, 0.5)]
    // One at 0, three at 1: Σᵢⱼ wᵢwⱼ|fᵢ − fⱼ| = 2 × 1 × 3 = 6, W = 4, μ = 3/4: G = 6 / (2 × 16 × 3/4) = 0.25.
    [InlineData(new[] { 0.0, 1.0 }, new[] { 1.0, 3.0 }, 0.25)]
    [InlineData(new[] { 0.4, 0.4 }, new[] { 5.0, 2.0 }, 0.0)]
    public void Hand_worked(double[] fractions, double[] weights, double expected)
        => Assert.Equal(expected, ServiceGini.Of(fractions.Zip(weights)), 12);

    public static TheoryData<string> Names => ReferenceFixture.Names(File);

    [Theory]
    [MemberData(nameof(Names))]
    public void Matches_numpy(string name)
    {
        var c = ReferenceFixture.Case(File, name);
        var fractions = ReferenceFixture.Doubles(c.GetProperty("fractions"));
        var weights = ReferenceFixture.Doubles(c.GetProperty("weights"));

        ReferenceFixture.Near(c.GetProperty("gini").GetDouble(), ServiceGini.Of(fractions.Zip(weights)), 1e-12, name);
    }
}
