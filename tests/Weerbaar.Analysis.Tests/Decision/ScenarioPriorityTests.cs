using Weerbaar.Analysis.Decision;
using Weerbaar.Analysis.Risk;
using Weerbaar.Analysis.Tests.Risk;

namespace Weerbaar.Analysis.Tests.Decision;

public sealed class ScenarioPriorityTests
{
    private static readonly RiskMethod Method = RiskMethod.Default;

    private static ScenarioRisk Risk(string id, string likelihood, string impactClass)
        => RiskTestData.Score(Method, RiskTestData.Assessment(id, likelihood, [.. RiskTestData.MandatoryIds.Select(c => (c, (string?)impactClass))]));

    [Fact]
    public void Hand_worked_example_two_scenarios_with_equal_weights()
    {
        // C = position 3; all nine criteria D: impact score 10³ = the value of D, position 4. Preparedness 0.25.
        var first = ScenarioPriority.From(Risk("a", "C", "D"), 0.25);
        // D = position 4; all criteria B: impact score 10, position 2. Preparedness 0.5.
        var second = ScenarioPriority.From(Risk("b", "D", "B"), 0.5);

        Assert.Equal([0.6, 0.8, 0.75], ScenarioPriority.MidValues(first), new PrecisionComparer(12));
        Assert.Equal([0.8, 0.4, 0.5], ScenarioPriority.MidValues(second), new PrecisionComparer(12));
        // (0.6 + 0.8 + 0.75) / 3 and (0.8 + 0.4 + 0.5) / 3.
        Assert.Equal(2.15 / 3, ScenarioPriority.Score(ScenarioPriority.MidValues(first), [1, 1, 1]), 12);
        Assert.Equal(1.7 / 3, ScenarioPriority.Score(ScenarioPriority.MidValues(second), [1, 1, 1]), 12);
        // Weights 2 : 1 : 1: (1.2 + 0.8 + 0.75)/4 = 0.6875 against (1.6 + 0.4 + 0.5)/4 = 0.625.
        Assert.Equal(2.75 / 4, ScenarioPriority.Score(ScenarioPriority.MidValues(first), [2, 1, 1]), 12);
        Assert.Equal(2.5 / 4, ScenarioPriority.Score(ScenarioPriority.MidValues(second), [2, 1, 1]), 12);
        // Only likelihood counts: the second leads.
        Assert.True(ScenarioPriority.Score(ScenarioPriority.MidValues(second), [1, 0, 0]) > ScenarioPriority.Score(ScenarioPriority.MidValues(first), [1, 0, 0]));
    }

    [Fact]
    public void A_class_range_becomes_an_interval_and_unknown_preparedness_counts_as_the_middle()
    {
        var s = ScenarioPriority.From(Risk("r", "B–C", "C"), null);
        var alternative = ScenarioPriority.Alternative(s);
        Assert.Equal(new Interval(0.4, 0.6), alternative.Values[ScenarioPriority.Likelihood]);
        Assert.Equal(Interval.Exact(0.6), alternative.Values[ScenarioPriority.Impact]);
        Assert.Equal(Interval.Exact(0.5), alternative.Values[ScenarioPriority.Unpreparedness]);
        Assert.Equal(0.5, ScenarioPriority.MidValues(s)[ScenarioPriority.Likelihood], 12);
    }

    [Fact]
    public void With_only_likelihood_and_impact_weighted_equally_the_order_is_the_methods_risk_order()
    {
        // Positions are logarithmic in the class values: x + y = 2 + log10(likelihood value × impact score) for scores ≥ A.
        var random = new Random(13);
        string[] classes = ["A", "B", "C", "D", "E"];
        for (var trial = 0; trial < 50; trial++)
        {
            var risks = Enumerable.Range(0, 8).Select(i => RiskTestData.Score(Method, RiskTestData.Assessment($"s{i}", classes[random.Next(5)],
                [.. RiskTestData.MandatoryIds.Select(c => (c, (string?)classes[random.Next(5)]))]))).ToList();
            var byMethod = RiskScoring.Rank(risks).Select(r => Math.Round(r.Risk.RiskScore.Mean, 6)).ToList();
            var byPriority = risks.OrderByDescending(r => ScenarioPriority.Score(ScenarioPriority.MidValues(ScenarioPriority.From(r, 0.5)), [1, 1, 0]))
                .Select(r => Math.Round(r.RiskScore.Mean, 6)).ToList();
            Assert.Equal(byMethod, byPriority);
        }
    }

    [Fact]
    public void Preparedness_is_the_mean_of_what_is_known()
    {
        Assert.Null(ScenarioPriority.Preparedness([null, null]));
        Assert.Equal(0.5, ScenarioPriority.Preparedness([0.2, null, 0.8])!.Value, 12);
        Assert.Equal(0, ScenarioPriority.FromPillarScore(1));
        Assert.Equal(1, ScenarioPriority.FromPillarScore(10));
        Assert.Equal(0.5, ScenarioPriority.FromPillarScore(5.5), 12);
        Assert.Equal(0, ScenarioPriority.FromJudgement(1));
        Assert.Equal(0.75, ScenarioPriority.FromJudgement(4), 12);
    }

    private sealed class PrecisionComparer(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x, digits) == Math.Round(y, digits);

        public int GetHashCode(double obj) => Math.Round(obj, digits).GetHashCode();
    }
}
