using Weerbaar.Analysis.Risk;
using static Weerbaar.Analysis.Tests.Risk.RiskTestData;

namespace Weerbaar.Analysis.Tests.Risk;

public class RiskOrderingTests
{
    [Fact]
    public void HighestRiskFirst_TiesBrokenByImpactThenId()
    {
        // p: likelihood B (10), doden C (100) → end score 100/9, risk 10 × 100/9 = 1000/9.
        // q: likelihood C (100), doden B (10) → end score 10/9, risk 100 × 10/9 = 1000/9: same risk, lower impact.
        // r: likelihood E (10000), kosten A (1) → end score 1/9, risk 10000/9: highest.
        // s, t: same classes as p → tie with p on risk and impact; share p's position, in id order.
        var evaluation = RiskScoring.Evaluate(RiskMethod.Default,
        [
            Assessment("q", "C", ("doden", "B")),
            Assessment("t", "B", ("doden", "C")),
            Assessment("p", "B", ("doden", "C")),
            Assessment("r", "E", ("kosten", "A")),
            Assessment("s", "B", ("doden", "C")),
        ]);

        Assert.Empty(evaluation.Errors);
        Assert.Equal(["r", "p", "s", "t", "q"], evaluation.Ranked.Select(r => r.Risk.ScenarioId));
        Assert.Equal([1, 2, 2, 2, 5], evaluation.Ranked.Select(r => r.Position));
    }

    [Fact]
    public void Ranges_AreOrderedByTheirMean()
    {
        // a: likelihood C, doden C → risk 100 × 100/9 = 1111.1.
        // b: likelihood B–D (mean (10 + 100 + 1000)/3 = 370), doden C → risk 370 × 100/9 = 4111.1: first.
        var ranked = RiskScoring.Rank(
        [
            Score(RiskMethod.Default, Assessment("a", "C", ("doden", "C"))),
            Score(RiskMethod.Default, Assessment("b", "B-D", ("doden", "C"))),
        ]);

        Assert.Equal(["b", "a"], ranked.Select(r => r.Risk.ScenarioId));
        Assert.Equal(370 * 100.0 / 9, ranked[0].Risk.RiskScore.Mean, 1e-9);
    }

    [Fact]
    public void Order_DoesNotDependOnInputOrder()
    {
        var risks = Enumerable.Range(0, 12)
            .Select(i => Score(RiskMethod.Default, Assessment($"s{i:D2}", ((RiskClass)(1 + (i % 5))).ToString(),
                ("doden", ((RiskClass)(i % 6)).ToString()), ("kosten", ((RiskClass)((i * 7) % 6)).ToString()))))
            .ToList();

        var forward = RiskScoring.Rank(risks).Select(r => r.Risk.ScenarioId);
        var backward = RiskScoring.Rank(Enumerable.Reverse(risks)).Select(r => r.Risk.ScenarioId);

        Assert.Equal(forward, backward);
    }
}
