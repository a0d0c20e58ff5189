using Weerbaar.Analysis.Risk;

namespace Weerbaar.Analysis.Decision;

/// <summary>A scenario as the priority sees it: its risk on the diagram's axes and how prepared the gemeente is for it.</summary>
/// <param name="LikelihoodPosition">The risk diagram's x, A = 1 … E = 5; a range when the class was.</param>
/// <param name="ImpactPosition">The risk diagram's y, X = 0, A = 1 … E = 5; a range when classes were.</param>
/// <param name="Preparedness">0 (not prepared) … 1 (well prepared); null when nothing is known, which counts as 0.5.</param>
public sealed record PriorityScenario(string Id, Interval LikelihoodPosition, Interval ImpactPosition, double? Preparedness);

/// <summary>
/// Which scenario to prepare for first: an additive score over three criteria, each scaled to 0–1 — likelihood
/// (position / 5), impact (position / 5) and unpreparedness (1 − preparedness). Both positions are logarithmic in the
/// method's class values, so with equal weights on likelihood and impact the sum orders scenarios as the method's risk
/// score (likelihood × impact) does; the third criterion adds how unprepared the gemeente is (docs/risk-method.md).
/// </summary>
public static class ScenarioPriority
{
    public const int Likelihood = 0;
    public const int Impact = 1;
    public const int Unpreparedness = 2;

    public static readonly IReadOnlyList<string> CriterionIds = ["kans", "impact", "onvoorbereidheid"];

    public static readonly IReadOnlyList<string> CriterionNames = ["Kans", "Impact", "Onvoorbereidheid"];

    /// <summary>Preparedness when nothing is known: the middle, so a missing figure neither raises nor lowers a scenario.</summary>
    public const double UnknownPreparedness = 0.5;

    /// <summary>The criterion values as intervals (for SMAA).</summary>
    public static SmaaAlternative Alternative(PriorityScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var unprepared = 1 - (s.Preparedness ?? UnknownPreparedness);
        return new SmaaAlternative(s.Id,
        [
            new Interval(s.LikelihoodPosition.Low / 5, s.LikelihoodPosition.High / 5),
            new Interval(s.ImpactPosition.Low / 5, s.ImpactPosition.High / 5),
            Interval.Exact(unprepared),
        ]);
    }

    /// <summary>The criterion values at the middle of every range (for the ranking shown and the sensitivity).</summary>
    public static double[] MidValues(PriorityScenario s)
        => [.. Alternative(s).Values.Select(v => (v.Low + v.High) / 2)];

    /// <summary>Score = Σ w_c · value_c with the weights rescaled to sum 1.</summary>
    public static double Score(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        return values.Select((v, c) => v * weights[c] / total).Sum();
    }

    /// <summary>The mean of the components that are known; null when none is.</summary>
    public static double? Preparedness(IEnumerable<double?> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var known = components.Where(c => c is not null).Select(c => c!.Value).ToList();
        return known.Count == 0 ? null : known.Average();
    }

    /// <summary>A scenario's positions from its scored risk (Min and Max of the ranges).</summary>
    public static PriorityScenario From(ScenarioRisk risk, double? preparedness)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new PriorityScenario(risk.ScenarioId,
            new Interval(risk.LikelihoodPosition.Min, risk.LikelihoodPosition.Max),
            new Interval(risk.ImpactPosition.Min, risk.ImpactPosition.Max),
            preparedness);
    }

    /// <summary>A scan pillar score 1–10 as preparedness 0–1.</summary>
    public static double FromPillarScore(double score) => Math.Clamp((score - 1) / 9, 0, 1);

    /// <summary>The gemeente's own judgement 1 (not prepared) … 5 (well prepared) as 0–1.</summary>
    public static double FromJudgement(int judgement) => Math.Clamp((judgement - 1) / 4.0, 0, 1);
}
