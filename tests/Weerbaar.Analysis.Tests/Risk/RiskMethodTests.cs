using Weerbaar.Analysis.Risk;

namespace Weerbaar.Analysis.Tests.Risk;

public class RiskMethodTests
{
    [Fact]
    public void Default_IsSoundAndSourced()
    {
        var method = RiskMethod.Default;

        Assert.Empty(method.Validate());
        Assert.Equal("5 jaar", method.Period);
        Assert.Equal(["zeer onwaarschijnlijk", "onwaarschijnlijk", "mogelijk", "waarschijnlijk", "zeer waarschijnlijk"],
            method.LikelihoodClasses.Select(l => l.Label));
        Assert.Equal([0, 0.05, 0.5, 5, 50], method.LikelihoodClasses.Select(l => l.LowerPercent));
        Assert.Equal(["beperkt", "aanzienlijk", "ernstig", "zeer ernstig", "catastrofaal"], method.EndScoreClasses.Select(c => c.Label));
        Assert.Equal([0, 1, 10, 100, 1000, 10000], method.ImpactClassValues.Select(v => v.Value));
        Assert.Single(method.Criteria, c => c.Optional);
        Assert.All(method.Criteria, c => Assert.Equal(1, c.Weight.Value));

        // Every number says where it comes from; the unconfirmed ones say "aanname".
        Assert.All(method.ImpactClassValues, v => Assert.True(v.IsAssumption));
        Assert.All(method.Criteria, c => Assert.True(c.Weight.IsAssumption));
        Assert.All(method.EndScoreClasses, c => Assert.True(c.LowerBound.IsAssumption));
        Assert.All(method.LikelihoodClasses, l => Assert.False(string.IsNullOrWhiteSpace(l.BoundsSource)));
        Assert.All(method.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
    }

    [Theory]
    [InlineData(0.0, RiskClass.A)]
    [InlineData(0.049, RiskClass.A)]
    [InlineData(0.05, RiskClass.B)]
    [InlineData(0.3, RiskClass.B)]
    [InlineData(4.99, RiskClass.C)]
    [InlineData(5, RiskClass.D)]
    [InlineData(50, RiskClass.E)]
    [InlineData(100, RiskClass.E)]
    public void LikelihoodClassOf_UsesTheBounds(double percent, RiskClass expected) =>
        Assert.Equal(expected, RiskMethod.Default.LikelihoodClassOf(percent));

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Create_RejectsAFactorOfOneOrLess(double factor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMethod.Create(factor));

    [Fact]
    public void Validate_ReportsBrokenData()
    {
        var d = RiskMethod.Default;
        var broken = d with
        {
            ImpactClassValues = [.. d.ImpactClassValues.Take(5)],
            Criteria = [.. d.Criteria, d.Criteria[0] with { Weight = new SourcedValue(0, "aanname") }],
            EndScoreClasses = [.. d.EndScoreClasses.Reverse()],
        };

        Assert.Equal(
        [
            "Voor de impactklassen zijn zes waarden nodig (X, A, B, C, D, E).",
            "Het criterium 'grondgebied' komt meer dan eens voor.",
            "Het gewicht van 'Aantasting integriteit grondgebied' moet groter dan 0 zijn.",
            "De eindscoreklassen moeten bij 0 beginnen en oplopende ondergrenzen hebben.",
        ], broken.Validate());
    }

    [Fact]
    public void Validate_ReportsDecreasingValues()
    {
        var d = RiskMethod.Default;
        var broken = d with
        {
            LikelihoodClasses = [.. d.LikelihoodClasses.Select(l => l with { Value = new SourcedValue(1, "aanname") })],
            ImpactClassValues = [.. d.ImpactClassValues.Reverse()],
        };

        Assert.Equal(
        [
            "De waarden van de waarschijnlijkheidsklassen moeten van A naar E oplopen.",
            "De waarden voor de impactklassen moeten vanaf X (≥ 0) tot en met E oplopen.",
        ], broken.Validate());
    }
}
