using Weerbaar.Analysis.Planning;

namespace Weerbaar.Analysis.Tests.Planning;

public class PlanValidationTests
{
    private static readonly DateOnly Start = new(2027, 1, 4);

    private static readonly PlanAction[] Actions =
    [
        new("X", "Kick-off", 1),
        new("A", "Plan opstellen", 5),
        new("B", "Budget aanvragen", 3),
        new("C", "Inkoop", 4),
        new("D", "Uitvoering", 7),
    ];

    private static string Refusal(IReadOnlyList<PlanAction> actions, params PlanDependency[] dependencies) =>
        Assert.Throws<ArgumentException>(() => CriticalPath.Compute(actions, dependencies, Start)).Message.Split(" (Parameter")[0];

    [Fact]
    public void SelfDependency_IsACycleOfOne()
    {
        Assert.Equal(
            "De afhankelijkheden vormen een kring: Plan opstellen → Plan opstellen. Haal één afhankelijkheid weg.",
            Refusal(Actions, new PlanDependency("X", "A"), new PlanDependency("A", "A")));
    }

    [Fact]
    public void CycleOfTwo_NamesBothInOrder()
    {
        Assert.Equal(
            "De afhankelijkheden vormen een kring: Plan opstellen → Budget aanvragen → Plan opstellen. Haal één afhankelijkheid weg.",
            Refusal(Actions, new PlanDependency("A", "B"), new PlanDependency("B", "A"), new PlanDependency("X", "A")));
    }

    [Fact]
    public void CycleOfFour_NamesAllInOrder()
    {
        // Depth-first from X (the first action) reaches B, then C, D and A, and A leads back to B.
        Assert.Equal(
            "De afhankelijkheden vormen een kring: Budget aanvragen → Inkoop → Uitvoering → Plan opstellen → Budget aanvragen. Haal één afhankelijkheid weg.",
            Refusal(
                Actions,
                new PlanDependency("X", "B"),
                new PlanDependency("A", "B"),
                new PlanDependency("B", "C"),
                new PlanDependency("C", "D"),
                new PlanDependency("D", "A")));
    }

    [Fact]
    public void UnknownDependency_IsRefused()
    {
        Assert.Equal(
            "Een afhankelijkheid verwijst naar de onbekende actie 'Z'.",
            Refusal(Actions, new PlanDependency("A", "Z")));
    }

    [Fact]
    public void DuplicateId_IsRefused()
    {
        Assert.Equal(
            "Het id 'A' komt meer dan één keer voor ('Plan opstellen' en 'Oefenen').",
            Refusal([.. Actions, new PlanAction("A", "Oefenen", 2)]));
    }

    [Fact]
    public void NegativeDuration_IsRefused()
    {
        Assert.Equal("De duur van 'Oefenen' is negatief (-2 dagen).", Refusal([new PlanAction("O", "Oefenen", -2)]));
    }

    [Fact]
    public void NegativeLag_IsRefused()
    {
        Assert.Equal(
            "De wachttijd tussen 'Plan opstellen' en 'Budget aanvragen' is negatief (-1 dagen).",
            Refusal(Actions, new PlanDependency("A", "B", -1)));
    }

    [Fact]
    public void FixedStartBeforeTheProgramme_IsRefused()
    {
        Assert.Equal(
            "'Oefenen' mag pas op 1 januari 2027 beginnen, maar dat is vóór de start van het programma (4 januari 2027).",
            Refusal([new PlanAction("O", "Oefenen", 2) { EarliestStart = new DateOnly(2027, 1, 1) }]));
    }

    [Fact]
    public void ValidPlan_PassesTheCheck()
    {
        Assert.Null(PlanValidation.Check(Actions, [new PlanDependency("X", "A"), new PlanDependency("A", "B", 2)], Start));
    }
}
