using Weerbaar.Analysis.Risk;

namespace Weerbaar.Analysis.Tests.Risk;

/// <summary>Assessments for the default method: every non-optional criterion X unless given.</summary>
internal static class RiskTestData
{
    public static readonly string[] MandatoryIds =
    [
        "grondgebied", "doden", "gewonden", "levensbehoeften", "kosten", "natuur-milieu", "dagelijks-leven",
        "democratisch-bestel", "sociaal-psychologisch",
    ];

    public static ScenarioAssessment Assessment(string id, string? likelihood, params (string Criterion, string? Class)[] impacts)
    {
        var map = MandatoryIds.ToDictionary(c => c, _ => (string?)"X");
        foreach (var (criterion, value) in impacts)
        {
            map[criterion] = value;
        }

        return new ScenarioAssessment(id, likelihood, map);
    }

    public static ScenarioRisk Score(RiskMethod method, ScenarioAssessment assessment)
    {
        var check = AssessmentValidator.Validate(method, assessment);
        Assert.True(check.IsValid, string.Join("; ", check.Errors.Select(e => e.Message)));
        return RiskScoring.Score(method, check.Assessment!);
    }

    // The long power outage of the worked examples: one class on each of the nine criteria.
    public static ScenarioAssessment PowerOutage(string likelihood = "C") => Assessment("stroomuitval", likelihood,
        ("grondgebied", "X"), ("doden", "B"), ("gewonden", "C"), ("levensbehoeften", "D"), ("kosten", "C"),
        ("natuur-milieu", "X"), ("dagelijks-leven", "E"), ("democratisch-bestel", "A"), ("sociaal-psychologisch", "C"));
}
