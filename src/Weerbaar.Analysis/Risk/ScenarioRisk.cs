namespace Weerbaar.Analysis.Risk;

/// <summary>
/// A score over the classes of a range: Min with every range at its low end, Max at its high end, Mean the expected
/// value when each range is drawn uniformly and independently over its classes (what a Monte Carlo run converges to).
/// For a single class all three are equal.
/// </summary>
public sealed record ScoreRange(double Min, double Mean, double Max)
{
    public static ScoreRange Exact(double value) => new(value, value, value);

    public bool IsExact => Min == Max;
}

/// <summary>One criterion's part in a scenario's impact score.</summary>
/// <param name="Value">The class value (v), over the range.</param>
/// <param name="Weighted">Weight × value, the criterion's term of the weighted sum.</param>
public sealed record CriterionScore(string CriterionId, string Name, ClassRange Class, double Weight, ScoreRange Value, ScoreRange Weighted);

/// <summary>The risk of one scenario under a method (formulas in docs/risk-method.md).</summary>
/// <param name="LikelihoodValue">The likelihood class value, over the range.</param>
/// <param name="LikelihoodPosition">The x of the risk diagram: A = 1 … E = 5 (the range's middle for Mean).</param>
/// <param name="WeightTotal">Σ weight over the criteria that count (all non-optional ones and the optional ones scored).</param>
/// <param name="ImpactSum">The weighted sum Σ wᵢ·vᵢ.</param>
/// <param name="ImpactScore">The end score: the weighted average ImpactSum / WeightTotal.</param>
/// <param name="ImpactPosition">The y of the risk diagram: the end score on the class axis, X = 0, A = 1 … E = 5.</param>
/// <param name="EndClassLow">End-score class of ImpactScore.Min.</param>
/// <param name="EndClass">End-score class of ImpactScore.Mean.</param>
/// <param name="EndClassHigh">End-score class of ImpactScore.Max.</param>
/// <param name="RiskScore">LikelihoodValue × ImpactScore: the order of the scenarios.</param>
public sealed record ScenarioRisk(
    string ScenarioId,
    ClassRange Likelihood,
    string LikelihoodLabel,
    ScoreRange LikelihoodValue,
    ScoreRange LikelihoodPosition,
    double WeightTotal,
    ScoreRange ImpactSum,
    ScoreRange ImpactScore,
    ScoreRange ImpactPosition,
    EndScoreClass EndClassLow,
    EndScoreClass EndClass,
    EndScoreClass EndClassHigh,
    ScoreRange RiskScore,
    IReadOnlyList<CriterionScore> Criteria);

/// <summary>A scenario with its place in the order; equal risk and impact scores share the best place.</summary>
public sealed record RankedRisk(int Position, ScenarioRisk Risk);

/// <summary>All scenarios of a run: the valid ones in order, the errors of the others.</summary>
public sealed record RiskEvaluation(string MethodVersion, IReadOnlyList<RankedRisk> Ranked, IReadOnlyList<AssessmentError> Errors);
