namespace Weerbaar.Analysis.Risk;

/// <summary>The assessors' classes for one scenario, as typed: "C", "B–C", "X" (impact only).</summary>
/// <param name="Likelihood">The likelihood class or range (A–E).</param>
/// <param name="Impacts">Per criterion id: its class or range (X, A–E). Every non-optional criterion must be present.</param>
public sealed record ScenarioAssessment(string ScenarioId, string? Likelihood, IReadOnlyDictionary<string, string?> Impacts);

/// <summary>A checked assessment: classes as ranges, criteria resolved against the method.</summary>
public sealed record ValidAssessment(string ScenarioId, ClassRange Likelihood, IReadOnlyList<CriterionAssessment> Impacts);

/// <summary>One criterion's class (or range) in a checked assessment.</summary>
public sealed record CriterionAssessment(ImpactCriterion Criterion, ClassRange Class);

/// <summary>A problem with an assessment, in Dutch.</summary>
/// <param name="Field">"likelihood", the criterion id, or "scenario".</param>
public sealed record AssessmentError(string ScenarioId, string Field, string Message);

/// <summary>The outcome of <see cref="AssessmentValidator.Validate"/>: the checked assessment, or its errors.</summary>
public sealed record AssessmentCheck(ValidAssessment? Assessment, IReadOnlyList<AssessmentError> Errors)
{
    public bool IsValid => Assessment is not null;
}
