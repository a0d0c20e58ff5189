namespace Weerbaar.Analysis.Risk;

/// <summary>Checks an assessment against a method and reports every problem at once, in Dutch.</summary>
public static class AssessmentValidator
{
    public const string LikelihoodField = "likelihood";
    public const string ScenarioField = "scenario";

    public static AssessmentCheck Validate(RiskMethod method, ScenarioAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(assessment);
        var id = assessment.ScenarioId;
        var errors = new List<AssessmentError>();
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new(id ?? "", ScenarioField, "Het scenario heeft geen naam of code."));
        }

        var likelihood = CheckLikelihood(id ?? "", assessment.Likelihood, errors);

        var impacts = new List<CriterionAssessment>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (criterionId, text) in assessment.Impacts)
        {
            var criterion = method.FindCriterion(criterionId);
            if (criterion is null)
            {
                errors.Add(new(id ?? "", criterionId, $"Onbekend impactcriterium '{criterionId}'."));
                continue;
            }

            if (!seen.Add(criterion.Id))
            {
                errors.Add(new(id ?? "", criterion.Id, $"'{criterion.Name}' is meer dan eens beoordeeld."));
                continue;
            }

            var parsed = ClassRange.Parse(text);
            if (parsed.Range is { } range)
            {
                impacts.Add(new CriterionAssessment(criterion, range));
                continue;
            }

            errors.Add(new(id ?? "", criterion.Id, parsed.Problem switch
            {
                ClassRangeProblem.Empty => $"Geef een impactklasse voor '{criterion.Name}': X (geen impact) of A t/m E.",
                ClassRangeProblem.Reversed => $"Het bereik '{text}' bij '{criterion.Name}' loopt van hoog naar laag; schrijf de lage klasse eerst (bijvoorbeeld B–C).",
                _ => $"'{text}' is geen impactklasse voor '{criterion.Name}'; gebruik X (geen impact), A t/m E of een bereik zoals B–C.",
            }));
        }

        foreach (var criterion in method.Criteria.Where(c => !c.Optional && !seen.Contains(c.Id)))
        {
            if (!errors.Any(e => string.Equals(e.Field, criterion.Id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new(id ?? "", criterion.Id, $"'{criterion.Name}' is niet beoordeeld; vul X in als er geen impact is."));
            }
        }

        if (errors.Count > 0 || likelihood is null)
        {
            return new AssessmentCheck(null, errors);
        }

        // Criteria in the method's order, so results and explanations read the same for every scenario.
        var ordered = impacts.OrderBy(i => IndexOf(method, i.Criterion)).ToList();
        return new AssessmentCheck(new ValidAssessment(id!, likelihood.Value, ordered), errors);
    }

    private static ClassRange? CheckLikelihood(string id, string? text, List<AssessmentError> errors)
    {
        var parsed = ClassRange.Parse(text);
        if (parsed.Range is { Low: not RiskClass.X } range)
        {
            return range;
        }

        errors.Add(new(id, LikelihoodField, parsed.Problem switch
        {
            ClassRangeProblem.Empty => "De waarschijnlijkheid ontbreekt; kies een klasse A t/m E.",
            ClassRangeProblem.Reversed => $"Het bereik '{text}' voor de waarschijnlijkheid loopt van hoog naar laag; schrijf de lage klasse eerst (bijvoorbeeld B–C).",
            _ => $"'{text}' is geen waarschijnlijkheidsklasse; gebruik A t/m E of een bereik zoals B–C.",
        }));
        return null;
    }

    private static int IndexOf(RiskMethod method, ImpactCriterion criterion)
    {
        for (var i = 0; i < method.Criteria.Count; i++)
        {
            if (ReferenceEquals(method.Criteria[i], criterion))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
