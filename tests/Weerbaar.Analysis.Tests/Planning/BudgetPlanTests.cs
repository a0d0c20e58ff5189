using Weerbaar.Analysis.Planning;

namespace Weerbaar.Analysis.Tests.Planning;

public class BudgetPlanTests
{
    // Programme start 2027-11-01.
    // Z1 (Zorg): 2027, one-off 100 000, structural 20 000 a year from 2027.
    // W1 (Water): fixed start 2028-01-10, one-off 50 000, structural 10 000 a year from 2028.
    // Z2 (Zorg): after Z1 (90 days from 1 November: 30 January 2028), one-off 5 000.
    //
    //  year  Zorg one-off/struct  Water one-off/struct  total    begroting  shortfall
    //  2027  100 000 / 20 000     0 / 0                 120 000  120 000    0
    //  2028    5 000 / 20 000     50 000 / 10 000        85 000   70 000    15 000
    [Fact]
    public void SumsPerPillarAndYear_FlagShortfall()
    {
        PlanAction[] actions =
        [
            new("Z1", "Zorgnetwerk", 90) { Pillar = "Zorg", OneOffBudget = 100_000, StructuralBudgetPerYear = 20_000 },
            new("W1", "Pompen", 30) { Pillar = "Water", OneOffBudget = 50_000, StructuralBudgetPerYear = 10_000, EarliestStart = new DateOnly(2028, 1, 10) },
            new("Z2", "Evaluatie", 10) { Pillar = "Zorg", OneOffBudget = 5_000 },
        ];
        var schedule = CriticalPath.Compute(actions, [new PlanDependency("Z1", "Z2")], new DateOnly(2027, 11, 1));

        var budget = BudgetPlan.Compute(schedule, new Dictionary<int, decimal> { [2027] = 120_000, [2028] = 70_000 });

        Assert.Equal(
            [
                new PillarBudgetYear("Water", 2027, 0, 0),
                new PillarBudgetYear("Water", 2028, 50_000, 10_000),
                new PillarBudgetYear("Zorg", 2027, 100_000, 20_000),
                new PillarBudgetYear("Zorg", 2028, 5_000, 20_000),
            ],
            budget.PerPillar);
        Assert.Equal([new BudgetYear(2027, 100_000, 20_000, 120_000), new BudgetYear(2028, 55_000, 30_000, 70_000)], budget.PerYear);
        Assert.False(budget.PerYear[0].HasShortfall);
        Assert.True(budget.PerYear[1].HasShortfall);
        Assert.Equal(15_000m, budget.PerYear[1].Shortfall);
    }
}
