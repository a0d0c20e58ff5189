namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>The planning of a programme: per action the early and late dates (first and last day of work), slack and whether it is critical.</summary>
public sealed record ScheduleDto(
    string Gemeentecode, DateOnly? ProgrammeStart, DateOnly? ProgrammeEnd, IReadOnlyList<ScheduledActionDto> Actions,
    IReadOnlyList<IReadOnlyList<string>> CriticalPaths, IReadOnlyList<DeadlineMissDto> DeadlineMisses,
    IReadOnlyList<MonthCapacityDto> Capacity, IReadOnlyList<PillarBudgetDto> BudgetPerPillar, IReadOnlyList<BudgetYearDto> BudgetPerYear);

public sealed record ScheduledActionDto(
    int Number, string Label, string Title, string Pillar, DateOnly EarlyStart, DateOnly EarlyFinish, DateOnly LateStart, DateOnly LateFinish,
    DateOnly Deadline, int TotalSlackDays, int FreeSlackDays, bool Critical, IReadOnlyList<PredecessorDto> Predecessors);

public sealed record PredecessorDto(int Number, int LagDays);

public sealed record DeadlineMissDto(int Number, DateOnly Deadline, DateOnly EarlyFinish, int DaysLate, string Message);

public sealed record MonthCapacityDto(string Month, double PlannedFte, double AvailableFte, double OverFte, bool OverAllocated, IReadOnlyList<ActionLoadDto> Actions);

public sealed record ActionLoadDto(int Number, double Fte);

public sealed record PillarBudgetDto(string Pillar, int Year, decimal OneOff, decimal Structural, decimal Total);

public sealed record BudgetYearDto(int Year, decimal OneOff, decimal Structural, decimal Total, decimal Begroting, decimal Shortfall);

public static class ScheduleDtos
{
    public static ScheduleDto Of(PlanningView view)
    {
        var code = view.Gemeente.Code;
        if (view.Result.Schedule is not { } schedule)
        {
            return new ScheduleDto(code, null, null, [], [], [], [], [], []);
        }
        static int Number(string key) => int.Parse(key.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        var budget = view.Result.Budget!;
        var byNumber = view.Rows.ToDictionary(r => r.Action.Number, r => r.Schedule);
        return new ScheduleDto(
            code, schedule.ProgrammeStart, schedule.ProjectEndDate,
            [.. view.Programme.Actions.Select(a => (a, s: byNumber[a.Number])).Select(x => new ScheduledActionDto(
                x.a.Number, x.a.Label, x.a.Title, x.a.Pillar, x.s.EarliestStartDate, x.s.EarliestFinishDate, x.s.LatestStartDate, x.s.LatestFinishDate,
                x.a.Deadline, x.s.TotalSlack, x.s.FreeSlack, x.s.IsCritical, [.. x.a.Dependencies.Select(d => new PredecessorDto(d.PredecessorNumber, d.LagDays))]))],
            [.. schedule.CriticalPaths],
            [.. schedule.DeadlineMisses.Select(m => new DeadlineMissDto(Number(m.ActionId), m.Deadline, m.EarliestFinish, m.DaysLate, m.Message))],
            [.. view.Result.Capacity.Select(m => new MonthCapacityDto(m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                Math.Round(m.PlannedFte, 4), m.AvailableFte, Math.Round(m.OverBy, 4), m.IsOverAllocated,
                [.. m.Contributions.Select(c => new ActionLoadDto(Number(c.ActionId), Math.Round(c.Fte, 4)))]))],
            [.. budget.PerPillar.Select(p => new PillarBudgetDto(p.Pillar, p.Year, p.OneOff, p.Structural, p.Total))],
            [.. budget.PerYear.Select(y => new BudgetYearDto(y.Year, y.OneOff, y.Structural, y.Total, y.Begroting, y.Shortfall))]);
    }
}
