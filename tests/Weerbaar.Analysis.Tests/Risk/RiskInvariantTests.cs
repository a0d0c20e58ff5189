using Weerbaar.Analysis.Risk;
using static Weerbaar.Analysis.Tests.Risk.RiskTestData;

namespace Weerbaar.Analysis.Tests.Risk;

public class RiskInvariantTests
{
    private static readonly RiskMethod[] Methods = [RiskMethod.Default, RiskMethod.Create(3), RiskMethod.Create(1.5)];

    private static ScenarioAssessment Random(Random random, string id)
    {
        static string Range(Random random, int lowest)
        {
            var low = random.Next(lowest, 6);
            var high = random.Next(low, 6);
            return low == high ? ((RiskClass)low).ToString() : $"{(RiskClass)low}–{(RiskClass)high}";
        }

        var impacts = MandatoryIds.Select(c => (c, (string?)Range(random, 0))).ToList();
        if (random.Next(2) == 0)
        {
            impacts.Add(("cultureel-erfgoed", Range(random, 0)));
        }

        return Assessment(id, Range(random, 1), [.. impacts]);
    }

    private static ScenarioAssessment Raise(ScenarioAssessment a, string field)
    {
        static string Up(string text)
        {
            var range = ClassRange.Parse(text).Range!.Value;
            return new ClassRange(range.Low == RiskClass.E ? range.Low : range.Low + 1, range.High == RiskClass.E ? range.High : range.High + 1).ToString();
        }

        if (field == AssessmentValidator.LikelihoodField)
        {
            return a with { Likelihood = Up(a.Likelihood!) };
        }

        var impacts = a.Impacts.ToDictionary(kv => kv.Key, kv => kv.Value);
        impacts[field] = Up(impacts[field]!);
        return a with { Impacts = impacts };
    }

    [Fact]
    public void RaisingOneClass_NeverLowersAnyScore()
    {
        var random = new Random(20261203);
        foreach (var method in Methods)
        {
            for (var n = 0; n < 300; n++)
            {
                var a = Random(random, "s");
                var before = Score(method, a);
                foreach (var field in a.Impacts.Keys.Append(AssessmentValidator.LikelihoodField))
                {
                    var after = Score(method, Raise(a, field));
                    foreach (var (x, y) in new[] { (before.RiskScore, after.RiskScore), (before.ImpactScore, after.ImpactScore), (before.ImpactPosition, after.ImpactPosition) })
                    {
                        Assert.True(y.Min >= x.Min && y.Mean >= x.Mean && y.Max >= x.Max, $"{field} raised in {a.ScenarioId}: {x} → {y}");
                    }

                    Assert.True(after.EndClass.LowerBound.Value >= before.EndClass.LowerBound.Value);
                }
            }
        }
    }

    [Fact]
    public void MinMeanMax_AreOrderedAndRangesContainTheirClasses()
    {
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var risk = Score(RiskMethod.Default, Random(random, "s"));
            foreach (var r in new[] { risk.LikelihoodValue, risk.ImpactSum, risk.ImpactScore, risk.ImpactPosition, risk.RiskScore })
            {
                Assert.True(r.Min <= r.Mean && r.Mean <= r.Max, r.ToString());
            }

            Assert.InRange(risk.ImpactPosition.Max, 0, 5);
            var allLow = Score(RiskMethod.Default, Assessment("s", risk.Likelihood.Low.ToString(),
                [.. risk.Criteria.Select(c => (c.CriterionId, (string?)c.Class.Low.ToString()))]));
            Assert.Equal(allLow.RiskScore.Mean, risk.RiskScore.Min, 1e-9 * Math.Max(1, risk.RiskScore.Min));
        }
    }

    [Fact]
    public void DefaultEndClassBounds_FallHalfwayBetweenClasses()
    {
        foreach (var method in Methods)
        {
            for (var k = 1; k < method.EndScoreClasses.Count; k++)
            {
                Assert.Equal(k + 0.5, RiskScoring.Position(method, method.EndScoreClasses[k].LowerBound.Value), 1e-12);
            }
        }
    }

    [Fact]
    public void Mean_IsTheAverageOverEveryCombinationOfClasses()
    {
        // Likelihood B–D and two impact ranges: 3 × 3 × 2 = 18 equally likely exact assessments.
        var method = RiskMethod.Create(3);
        var risk = Score(method, Assessment("s", "B–D", ("doden", "A-C"), ("kosten", "D–E"), ("gewonden", "B")));
        var scores = new List<(double Impact, double Risk)>();
        foreach (var l in new[] { "B", "C", "D" })
        {
            foreach (var d in new[] { "A", "B", "C" })
            {
                foreach (var k in new[] { "D", "E" })
                {
                    var exact = Score(method, Assessment("s", l, ("doden", d), ("kosten", k), ("gewonden", "B")));
                    scores.Add((exact.ImpactScore.Mean, exact.RiskScore.Mean));
                }
            }
        }

        Assert.Equal(18, scores.Count);
        Assert.Equal(scores.Average(s => s.Impact), risk.ImpactScore.Mean, 1e-9);
        Assert.Equal(scores.Average(s => s.Risk), risk.RiskScore.Mean, 1e-6);
        Assert.Equal(scores.Min(s => s.Risk), risk.RiskScore.Min, 1e-9);
        Assert.Equal(scores.Max(s => s.Risk), risk.RiskScore.Max, 1e-6);
    }
}
