using Weerbaar.Analysis.Planning;

namespace Weerbaar.Analysis.Tests.Planning;

public class CapacityPlanTests
{
    private const double Tolerance = 1e-12;

    // Programme start 2027-01-20.
    // X: 20 days at 1 fte, 20 January .. 8 February. January: days 20..31 = 12 of 31 → 12/31 ≈ 0.387 fte;
    //    February: days 1..8 = 8 of 28 → 8/28 = 2/7 ≈ 0.286 fte.
    // Y: fixed start 1 February, 28 days at 0.5 fte: all of February → 0.5 fte.
    // Z: a milestone with 3 fte: no load.
    // Available: January 1.0, February 0.6, March 0.4.
    // January 12/31 ≤ 1: fits. February 0.5 + 2/7 = 0.7857 > 0.6: over by 0.1857, Y contributes most.
    // March: nothing planned, 0.4 free.
    [Fact]
    public void LoadIsSpreadByDaysInEachMonth()
    {
        PlanAction[] actions =
        [
            new("X", "Plan opstellen", 20) { Fte = 1 },
            new("Y", "Oefening", 28) { Fte = 0.5, EarliestStart = new DateOnly(2027, 2, 1) },
            new("Z", "Vastgesteld", 0) { Fte = 3 },
        ];
        var schedule = CriticalPath.Compute(actions, [new PlanDependency("X", "Z")], new DateOnly(2027, 1, 20));
        var available = new Dictionary<DateOnly, double>
        {
            [new DateOnly(2027, 1, 1)] = 1.0,
            [new DateOnly(2027, 2, 1)] = 0.6,
            [new DateOnly(2027, 3, 1)] = 0.4,
        };

        var months = CapacityPlan.Compute(schedule, available);

        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 1), new DateOnly(2027, 3, 1)], months.Select(m => m.Month));
        Assert.Equal(12.0 / 31, months[0].PlannedFte, Tolerance);
        Assert.False(months[0].IsOverAllocated);
        Assert.Equal(0, months[0].OverBy);

        Assert.Equal(0.5 + 8.0 / 28, months[1].PlannedFte, Tolerance);
        Assert.Equal(0.6, months[1].AvailableFte);
        Assert.True(months[1].IsOverAllocated);
        Assert.Equal(0.5 + 8.0 / 28 - 0.6, months[1].OverBy, Tolerance);
        Assert.Equal(["Y", "X"], months[1].Contributions.Select(c => c.ActionId));
        Assert.Equal(8.0 / 28, months[1].Contributions[1].Fte, Tolerance);

        Assert.Equal(0, months[2].PlannedFte);
        Assert.Empty(months[2].Contributions);
        Assert.False(months[2].IsOverAllocated);
    }

    [Fact]
    public void MonthWithoutAvailability_CountsAsZero()
    {
        var schedule = CriticalPath.Compute([new PlanAction("X", "Plan opstellen", 3) { Fte = 1 }], [], new DateOnly(2027, 4, 1));

        var month = Assert.Single(CapacityPlan.Compute(schedule, new Dictionary<DateOnly, double>()));

        Assert.Equal(3.0 / 30, month.PlannedFte, Tolerance);
        Assert.True(month.IsOverAllocated);
    }

    [Fact]
    public void MonthNotOnItsFirstDay_IsRefused()
    {
        var schedule = CriticalPath.Compute([new PlanAction("X", "Plan opstellen", 3)], [], new DateOnly(2027, 4, 1));

        Assert.Throws<ArgumentException>(() => CapacityPlan.Compute(schedule, new Dictionary<DateOnly, double> { [new DateOnly(2027, 4, 2)] = 1 }));
    }
}
