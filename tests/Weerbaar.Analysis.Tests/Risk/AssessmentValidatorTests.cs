using Weerbaar.Analysis.Risk;
using static Weerbaar.Analysis.Tests.Risk.RiskTestData;

namespace Weerbaar.Analysis.Tests.Risk;

public class AssessmentValidatorTests
{
    private static AssessmentError Single(ScenarioAssessment assessment)
    {
        var check = AssessmentValidator.Validate(RiskMethod.Default, assessment);
        Assert.False(check.IsValid);
        return Assert.Single(check.Errors);
    }

    [Fact]
    public void Valid_ResolvesCriteriaInMethodOrder()
    {
        var check = AssessmentValidator.Validate(RiskMethod.Default,
            Assessment("s", "c", ("kosten", "b–c"), ("doden", " D ")));

        Assert.True(check.IsValid);
        Assert.Empty(check.Errors);
        var valid = check.Assessment!;
        Assert.Equal(ClassRange.Of(RiskClass.C), valid.Likelihood);
        Assert.Equal(MandatoryIds, valid.Impacts.Select(i => i.Criterion.Id));
        Assert.Equal(new ClassRange(RiskClass.B, RiskClass.C), valid.Impacts.Single(i => i.Criterion.Id == "kosten").Class);
        Assert.Equal(ClassRange.Of(RiskClass.D), valid.Impacts.Single(i => i.Criterion.Id == "doden").Class);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingLikelihood(string? likelihood)
    {
        var error = Single(Assessment("s", likelihood));
        Assert.Equal(AssessmentValidator.LikelihoodField, error.Field);
        Assert.Equal("De waarschijnlijkheid ontbreekt; kies een klasse A t/m E.", error.Message);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("F")]
    [InlineData("CD")]
    [InlineData("X-B")]
    [InlineData("3")]
    public void LikelihoodOutsideAToE(string likelihood)
    {
        var error = Single(Assessment("s", likelihood));
        Assert.Equal(AssessmentValidator.LikelihoodField, error.Field);
        Assert.Equal($"'{likelihood}' is geen waarschijnlijkheidsklasse; gebruik A t/m E of een bereik zoals B–C.", error.Message);
    }

    [Fact]
    public void LikelihoodRangeHighToLow()
    {
        var error = Single(Assessment("s", "D-B"));
        Assert.Equal("Het bereik 'D-B' voor de waarschijnlijkheid loopt van hoog naar laag; schrijf de lage klasse eerst (bijvoorbeeld B–C).", error.Message);
    }

    [Fact]
    public void UnknownCriterion()
    {
        var error = Single(Assessment("s", "C", ("overstromingsdiepte", "B")));
        Assert.Equal("overstromingsdiepte", error.Field);
        Assert.Equal("Onbekend impactcriterium 'overstromingsdiepte'.", error.Message);
    }

    [Theory]
    [InlineData("F")]
    [InlineData("0")]
    [InlineData("A-B-C")]
    [InlineData("zeer ernstig")]
    public void ImpactClassOutsideXToE(string value)
    {
        var error = Single(Assessment("s", "C", ("doden", value)));
        Assert.Equal("doden", error.Field);
        Assert.Equal($"'{value}' is geen impactklasse voor 'Doden'; gebruik X (geen impact), A t/m E of een bereik zoals B–C.", error.Message);
    }

    [Fact]
    public void ImpactRangeHighToLow()
    {
        var error = Single(Assessment("s", "C", ("kosten", "E–C")));
        Assert.Equal("Het bereik 'E–C' bij 'Kosten' loopt van hoog naar laag; schrijf de lage klasse eerst (bijvoorbeeld B–C).", error.Message);
    }

    [Fact]
    public void EmptyImpactClass()
    {
        var error = Single(Assessment("s", "C", ("kosten", "")));
        Assert.Equal("Geef een impactklasse voor 'Kosten': X (geen impact) of A t/m E.", error.Message);
    }

    [Fact]
    public void MissingMandatoryCriterion_OptionalMayBeLeftOut()
    {
        var impacts = MandatoryIds.Where(id => id != "gewonden").ToDictionary(id => id, _ => (string?)"A");
        var error = Single(new ScenarioAssessment("s", "C", impacts));
        Assert.Equal("gewonden", error.Field);
        Assert.Equal("'Ernstig gewonden en chronisch zieken' is niet beoordeeld; vul X in als er geen impact is.", error.Message);
    }

    [Fact]
    public void SameCriterionTwice_DifferentCase()
    {
        var impacts = MandatoryIds.ToDictionary(id => id, _ => (string?)"A");
        impacts["DODEN"] = "B";
        var error = Single(new ScenarioAssessment("s", "C", impacts));
        Assert.Equal("'Doden' is meer dan eens beoordeeld.", error.Message);
    }

    [Fact]
    public void AllProblemsAtOnce()
    {
        var check = AssessmentValidator.Validate(RiskMethod.Default,
            Assessment("", null, ("doden", "Q"), ("onbekend", "A")));

        Assert.Equal(
            new[] { AssessmentValidator.ScenarioField, AssessmentValidator.LikelihoodField, "doden", "onbekend" }.Order(StringComparer.Ordinal),
            check.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal("Het scenario heeft geen naam of code.", check.Errors.Single(e => e.Field == AssessmentValidator.ScenarioField).Message);
    }

    [Fact]
    public void Evaluate_ReportsDuplicateScenarioAndScoresTheRest()
    {
        var evaluation = RiskScoring.Evaluate(RiskMethod.Default,
        [
            PowerOutage(),
            PowerOutage("D"),
            Assessment("hitte", "F"),
            Assessment("brug", "B", ("kosten", "C")),
        ]);

        Assert.Equal(RiskMethod.Default.Version, evaluation.MethodVersion);
        Assert.Equal(["stroomuitval", "brug"], evaluation.Ranked.Select(r => r.Risk.ScenarioId));
        Assert.Equal(2, evaluation.Errors.Count);
        Assert.Equal("Het scenario 'stroomuitval' is meer dan eens beoordeeld.", evaluation.Errors[0].Message);
        Assert.Equal("hitte", evaluation.Errors[1].ScenarioId);
    }

    [Theory]
    [InlineData("C", RiskClass.C, RiskClass.C)]
    [InlineData(" c ", RiskClass.C, RiskClass.C)]
    [InlineData("x", RiskClass.X, RiskClass.X)]
    [InlineData("B-C", RiskClass.B, RiskClass.C)]
    [InlineData("b – d", RiskClass.B, RiskClass.D)]
    [InlineData("X—A", RiskClass.X, RiskClass.A)]
    [InlineData("E-E", RiskClass.E, RiskClass.E)]
    public void ClassRange_Parses(string text, RiskClass low, RiskClass high)
    {
        var parsed = ClassRange.Parse(text);
        Assert.Equal(ClassRangeProblem.None, parsed.Problem);
        Assert.Equal(new ClassRange(low, high), parsed.Range);
    }

    [Fact]
    public void ClassRange_Text()
    {
        Assert.Equal("B–C", new ClassRange(RiskClass.B, RiskClass.C).ToString());
        Assert.Equal("C", ClassRange.Of(RiskClass.C).ToString());
        Assert.Equal([RiskClass.B, RiskClass.C, RiskClass.D], new ClassRange(RiskClass.B, RiskClass.D).Classes);
    }
}
