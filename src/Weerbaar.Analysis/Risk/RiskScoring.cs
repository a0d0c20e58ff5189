namespace Weerbaar.Analysis.Risk;

/// <summary>The aggregation of the method: weighted sum, end score, risk score and order (docs/risk-method.md).</summary>
public static class RiskScoring
{
    public static ScenarioRisk Score(RiskMethod method, ValidAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(assessment);

        var criteria = new List<CriterionScore>(assessment.Impacts.Count);
        double weightTotal = 0, sumMin = 0, sumMean = 0, sumMax = 0;
        foreach (var (criterion, range) in assessment.Impacts)
        {
            var w = criterion.Weight.Value;
            var value = Over(range, c => method.ImpactValue(criterion, c));
            criteria.Add(new CriterionScore(criterion.Id, criterion.Name, range, w, value,
                new ScoreRange(w * value.Min, w * value.Mean, w * value.Max)));
            weightTotal += w;
            sumMin += w * value.Min;
            sumMean += w * value.Mean;
            sumMax += w * value.Max;
        }

        var sum = new ScoreRange(sumMin, sumMean, sumMax);
        var score = weightTotal > 0
            ? new ScoreRange(sumMin / weightTotal, sumMean / weightTotal, sumMax / weightTotal)
            : ScoreRange.Exact(0);
        var likelihood = assessment.Likelihood;
        var likelihoodValue = Over(likelihood, c => method.Likelihood(c).Value.Value);
        var low = (double)likelihood.Low;
        var high = (double)likelihood.High;

        return new ScenarioRisk(
            assessment.ScenarioId,
            likelihood,
            LikelihoodLabel(method, likelihood),
            likelihoodValue,
            new ScoreRange(low, (low + high) / 2, high),
            weightTotal,
            sum,
            score,
            new ScoreRange(Position(method, score.Min), Position(method, score.Mean), Position(method, score.Max)),
            method.EndScoreClassOf(score.Min),
            method.EndScoreClassOf(score.Mean),
            method.EndScoreClassOf(score.Max),
            // Likelihood and impact ranges are drawn independently, so the mean of the product is the product of the means.
            new ScoreRange(likelihoodValue.Min * score.Min, likelihoodValue.Mean * score.Mean, likelihoodValue.Max * score.Max),
            criteria);
    }

    /// <summary>Validates and scores every assessment; the valid ones come back in order.</summary>
    public static RiskEvaluation Evaluate(RiskMethod method, IEnumerable<ScenarioAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(assessments);
        var errors = new List<AssessmentError>();
        var risks = new List<ScenarioRisk>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assessment in assessments)
        {
            if (!string.IsNullOrWhiteSpace(assessment.ScenarioId) && !ids.Add(assessment.ScenarioId))
            {
                errors.Add(new(assessment.ScenarioId, AssessmentValidator.ScenarioField,
                    $"Het scenario '{assessment.ScenarioId}' is meer dan eens beoordeeld."));
                continue;
            }

            var check = AssessmentValidator.Validate(method, assessment);
            errors.AddRange(check.Errors);
            if (check.Assessment is { } valid)
            {
                risks.Add(Score(method, valid));
            }
        }

        return new RiskEvaluation(method.Version, Rank(risks), errors);
    }

    /// <summary>
    /// Highest risk score first (by Mean); then the higher impact, then the higher likelihood, then the id, so the
    /// order never depends on the input order.
    /// </summary>
    public static IReadOnlyList<RankedRisk> Rank(IEnumerable<ScenarioRisk> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        // Scores reached along different paths (10 × 100/9 and 100 × 10/9) may differ in the last bits; compared at
        // 12 significant digits they tie, as they do on paper.
        var ordered = risks
            .OrderByDescending(r => Significant(r.RiskScore.Mean))
            .ThenByDescending(r => Significant(r.ImpactScore.Mean))
            .ThenByDescending(r => r.LikelihoodPosition.Mean)
            .ThenBy(r => r.ScenarioId, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<RankedRisk>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0
                && Significant(ordered[i].RiskScore.Mean) == Significant(ordered[i - 1].RiskScore.Mean)
                && Significant(ordered[i].ImpactScore.Mean) == Significant(ordered[i - 1].ImpactScore.Mean);
            ranked.Add(new RankedRisk(tied ? ranked[i - 1].Position : i + 1, ordered[i]));
        }

        return ranked;
    }

    /// <summary>
    /// An impact score on the class axis (X = 0, A = 1 … E = 5) against the method's shared class values: linear
    /// between X and A, logarithmic between A and E (so with a constant factor the end-class bounds fall at k + ½),
    /// clamped to [0, 5].
    /// </summary>
    public static double Position(RiskMethod method, double score)
    {
        ArgumentNullException.ThrowIfNull(method);
        var v = method.ImpactClassValues;
        if (score <= v[0].Value)
        {
            return 0;
        }

        if (score < v[1].Value)
        {
            return (score - v[0].Value) / (v[1].Value - v[0].Value);
        }

        for (var k = 1; k < 5; k++)
        {
            if (score < v[k + 1].Value)
            {
                return k + (Math.Log(score / v[k].Value) / Math.Log(v[k + 1].Value / v[k].Value));
            }
        }

        return 5;
    }

    private static double Significant(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var scale = Math.Pow(10, 12 - Math.Ceiling(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }

    private static ScoreRange Over(ClassRange range, Func<RiskClass, double> value)
    {
        double total = 0;
        var count = 0;
        foreach (var c in range.Classes)
        {
            total += value(c);
            count++;
        }

        return new ScoreRange(value(range.Low), total / count, value(range.High));
    }

    private static string LikelihoodLabel(RiskMethod method, ClassRange range) =>
        range.IsRange
            ? $"{method.Likelihood(range.Low).Label} – {method.Likelihood(range.High).Label}"
            : method.Likelihood(range.Low).Label;
}
