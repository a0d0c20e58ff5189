using Weerbaar.Analysis.Risk;
using static Weerbaar.Analysis.Tests.Risk.RiskTestData;

namespace Weerbaar.Analysis.Tests.Risk;

// Worked by hand from the rules in docs/risk-method.md: v(X) = 0, v(A) = 1, v(B) = f, v(C) = f², v(D) = f³,
// v(E) = f⁴; likelihood A = 1, B = 10, C = 100, D = 1000, E = 10000; equal weights 1; end-class bounds f^(k−½).
public class WorkedExampleTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void PowerOutage_DefaultFactor10()
    {
        // Classes X, B, C, D, C, X, E, A, C → values 0 + 10 + 100 + 1000 + 100 + 0 + 10000 + 1 + 100 = 11311.
        // Nine criteria of weight 1 → W = 9; end score 11311 / 9 = 1256.777…
        // Bounds: zeer ernstig ≥ 10^3.5 ≈ 316.2, catastrofaal ≥ 10^4.5 ≈ 3162.3 → zeer ernstig.
        // y = 4 + log10(1256.777… / 1000) = 4.099258…; risk = v(C) × 1256.777… = 100 × 1256.777… = 125677.77…
        var risk = Score(RiskMethod.Default, PowerOutage());

        Assert.Equal(11311, risk.ImpactSum.Mean, Tolerance);
        Assert.Equal(9, risk.WeightTotal);
        Assert.Equal(11311.0 / 9, risk.ImpactScore.Mean, Tolerance);
        Assert.True(risk.ImpactScore.IsExact);
        Assert.Equal("zeer ernstig", risk.EndClass.Label);
        Assert.Same(risk.EndClassLow, risk.EndClassHigh);
        Assert.Equal(4.09925849294709, risk.ImpactPosition.Mean, Tolerance);
        Assert.Equal(3, risk.LikelihoodPosition.Mean);
        Assert.Equal("mogelijk", risk.LikelihoodLabel);
        Assert.Equal(125677.77777777778, risk.RiskScore.Mean, 1e-6);
        Assert.Equal(10000, risk.Criteria.Single(c => c.CriterionId == "dagelijks-leven").Weighted.Mean);
    }

    [Fact]
    public void PowerOutage_Factor3()
    {
        // Values with f = 3: 0 + 3 + 9 + 27 + 9 + 0 + 81 + 1 + 9 = 139; end score 139 / 9 = 15.444…
        // Bounds: ernstig ≥ 3^1.5 ≈ 5.196, zeer ernstig ≥ 3^2.5 ≈ 15.588 → ernstig, just below zeer ernstig.
        // y = 3 + ln(15.444… / 9) / ln 3 = 3.491551…; risk = 100 × 15.444… = 1544.44…
        var method = RiskMethod.Create(3);
        var risk = Score(method, PowerOutage());

        Assert.Equal(139, risk.ImpactSum.Mean, Tolerance);
        Assert.Equal(139.0 / 9, risk.ImpactScore.Mean, Tolerance);
        Assert.Equal("ernstig", risk.EndClass.Label);
        Assert.Equal(3.4915517367031694, risk.ImpactPosition.Mean, Tolerance);
        Assert.Equal(13900.0 / 9, risk.RiskScore.Mean, 1e-9);
        Assert.Equal("nl-regionaal-2009/factor-3", method.Version);
    }

    [Fact]
    public void Ranges_GiveMinMeanAndMax()
    {
        // Likelihood B–C: values 10 … 100, mean (10 + 100) / 2 = 55; x from 2 to 3, middle 2.5.
        // Doden B–D: 10 … 1000, mean (10 + 100 + 1000) / 3 = 370. Kosten C: 100. Others X.
        // Sum: min 10 + 100 = 110, mean 370 + 100 = 470, max 1000 + 100 = 1100; end score ÷ 9:
        // min 12.22… (aanzienlijk: ≥ 3.16, < 31.6), mean 52.22… (ernstig), max 122.22… (ernstig: < 316.2).
        // Risk: min 10 × 12.22… = 122.22…, mean 55 × 52.22… = 2872.22…, max 100 × 122.22… = 12222.22…
        var risk = Score(RiskMethod.Default, Assessment("brug", "B–C", ("doden", "B-D"), ("kosten", "C")));

        Assert.Equal(new ClassRange(RiskClass.B, RiskClass.C), risk.Likelihood);
        Assert.Equal(new ScoreRange(10, 55, 100), risk.LikelihoodValue);
        Assert.Equal(new ScoreRange(2, 2.5, 3), risk.LikelihoodPosition);
        Assert.Equal(110, risk.ImpactSum.Min, Tolerance);
        Assert.Equal(470, risk.ImpactSum.Mean, Tolerance);
        Assert.Equal(1100, risk.ImpactSum.Max, Tolerance);
        Assert.Equal(110.0 / 9, risk.ImpactScore.Min, Tolerance);
        Assert.Equal(470.0 / 9, risk.ImpactScore.Mean, Tolerance);
        Assert.Equal(1100.0 / 9, risk.ImpactScore.Max, Tolerance);
        Assert.Equal("aanzienlijk", risk.EndClassLow.Label);
        Assert.Equal("ernstig", risk.EndClass.Label);
        Assert.Equal("ernstig", risk.EndClassHigh.Label);
        Assert.Equal(1100.0 / 9, risk.RiskScore.Min, 1e-9);
        Assert.Equal(55 * 470.0 / 9, risk.RiskScore.Mean, 1e-9);
        Assert.Equal(110000.0 / 9, risk.RiskScore.Max, 1e-9);
        Assert.Equal("onwaarschijnlijk – mogelijk", risk.LikelihoodLabel);
    }

    [Fact]
    public void OptionalCriterion_CountsOnlyWhenScored()
    {
        // Cultureel erfgoed D and all nine others X: sum 1000, W = 10 → 100 (ernstig: ≥ 31.6, < 316.2).
        var scored = Score(RiskMethod.Default, Assessment("brand", "D", ("cultureel-erfgoed", "D")));
        Assert.Equal(10, scored.WeightTotal);
        Assert.Equal(100, scored.ImpactScore.Mean, Tolerance);
        Assert.Equal("ernstig", scored.EndClass.Label);
        Assert.Equal(3, scored.ImpactPosition.Mean, Tolerance);

        // Left out: W = 9, sum 0 → 0, beperkt, y = 0 (X).
        var left = Score(RiskMethod.Default, Assessment("brand", "D"));
        Assert.Equal(9, left.WeightTotal);
        Assert.Equal(0, left.ImpactScore.Mean);
        Assert.Equal("beperkt", left.EndClass.Label);
        Assert.Equal(0, left.ImpactPosition.Mean);
    }

    [Fact]
    public void Weights_EnterTheWeightedAverage()
    {
        // Doden weight 3, others 1: W = 3 + 8 = 11. Doden C (100), kosten B (10): sum 3 × 100 + 10 = 310;
        // end score 310 / 11 = 28.18… (aanzienlijk: < 31.6).
        var method = RiskMethod.Default with
        {
            Criteria = RiskMethod.Default.Criteria
                .Select(c => c.Id == "doden" ? c with { Weight = new SourcedValue(3, "aanname: test") } : c)
                .ToList(),
        };
        var risk = Score(method, Assessment("x", "A", ("doden", "C"), ("kosten", "B")));

        Assert.Equal(11, risk.WeightTotal);
        Assert.Equal(310, risk.ImpactSum.Mean, Tolerance);
        Assert.Equal(310.0 / 11, risk.ImpactScore.Mean, Tolerance);
        Assert.Equal("aanzienlijk", risk.EndClass.Label);
        Assert.Equal(300, risk.Criteria.Single(c => c.CriterionId == "doden").Weighted.Mean, Tolerance);
    }

    [Theory]
    [InlineData(RiskClass.A, 1)]
    [InlineData(RiskClass.B, 2)]
    [InlineData(RiskClass.C, 3)]
    [InlineData(RiskClass.D, 4)]
    [InlineData(RiskClass.E, 5)]
    public void AllCriteriaInOneClass_LandOnThatClass(RiskClass value, int position)
    {
        // Every criterion the same class k: the weighted average is v(k), so y = k and the end class is the k-th.
        var impacts = MandatoryIds.Select(id => (id, (string?)value.ToString())).ToArray();
        var risk = Score(RiskMethod.Default, Assessment("s", "A", impacts));

        Assert.Equal(position, risk.ImpactPosition.Mean, Tolerance);
        Assert.Equal(RiskMethod.Default.EndScoreClasses[position - 1], risk.EndClass);
    }
}
