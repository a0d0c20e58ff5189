using Weerbaar.Analysis.Planning;

namespace Weerbaar.Web.Features.Programme;

/// <summary>The planning of a programme: critical path, staff per month and money per year, or why it cannot be computed.</summary>
public sealed record ProgrammePlanningResult(PlanSchedule? Schedule, IReadOnlyList<MonthCapacity> Capacity, BudgetPlan? Budget, string? Problem)
{
    public ScheduledAction? For(ProgrammeAction action) => Schedule?.Actions.FirstOrDefault(s => s.Action.Id == Key(action.Number));

    public static string Key(int number) => $"A-{number}";
}

/// <summary>Turns stored actions into the pure planning computations of Weerbaar.Analysis.Planning.</summary>
public static class ProgrammePlanning
{
    /// <summary>
    /// Each action runs from its start date through its deadline (calendar days, deadline included); a dependency may push
    /// it later, and the deadline then shows as missed. Available FTE is the same every month from the programme start
    /// through the last month the schedule touches. A plan the computations refuse (a cycle, say) gives the Dutch reason.
    /// </summary>
    public static ProgrammePlanningResult Compute(GemeenteProgramme programme, IReadOnlyList<ProgrammeAction> actions)
    {
        if (actions.Count == 0)
        {
            return new ProgrammePlanningResult(null, [], null, null);
        }
        var start = new[] { programme.StartDate }.Concat(actions.Select(a => a.StartDate)).Min();
        var planActions = actions.Select(a => new PlanAction(ProgrammePlanningResult.Key(a.Number), $"{a.Label} {a.Title}", Math.Max(0, a.Deadline.DayNumber - a.StartDate.DayNumber + 1))
        {
            EarliestStart = a.StartDate,
            Deadline = a.Deadline,
            Fte = a.FtePerMonth,
            Pillar = a.Pillar,
            OneOffBudget = a.OneOffBudget,
            StructuralBudgetPerYear = a.StructuralBudgetPerYear,
        }).ToList();
        var dependencies = actions.SelectMany(a => a.Dependencies.Select(d => new PlanDependency(ProgrammePlanningResult.Key(d.PredecessorNumber), ProgrammePlanningResult.Key(a.Number), d.LagDays))).ToList();
        try
        {
            var schedule = CriticalPath.Compute(planActions, dependencies, start);
            var available = new Dictionary<DateOnly, double>();
            for (var m = new DateOnly(start.Year, start.Month, 1); m <= schedule.ProjectEndDate; m = m.AddMonths(1))
            {
                available[m] = programme.AvailableFte;
            }
            var capacity = CapacityPlan.Compute(schedule, available);
            var budget = BudgetPlan.Compute(schedule, programme.Budget.GroupBy(b => b.Year).ToDictionary(g => g.Key, g => g.Sum(b => b.Amount)));
            return new ProgrammePlanningResult(schedule, capacity, budget, null);
        }
        catch (ArgumentException e)
        {
            return new ProgrammePlanningResult(null, [], null, e.Message.Split(" (Parameter")[0]);
        }
    }
}
