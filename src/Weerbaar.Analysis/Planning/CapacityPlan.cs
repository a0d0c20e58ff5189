namespace Weerbaar.Analysis.Planning;

/// <summary>Staff per month in the early schedule, against what is available.</summary>
public static class CapacityPlan
{
    /// <summary>Planned FTE may exceed available FTE by this much before a month counts as over-allocated.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Every month the early schedule touches or <paramref name="availableFte"/> names, in order. An action of
    /// F FTE adds F × d / D to a month in which it runs d of the D days. A month missing from
    /// <paramref name="availableFte"/> has 0 FTE available.
    /// </summary>
    /// <param name="availableFte">Keyed by the first day of the month.</param>
    public static IReadOnlyList<MonthCapacity> Compute(PlanSchedule schedule, IReadOnlyDictionary<DateOnly, double> availableFte)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(availableFte);
        foreach (var (month, fte) in availableFte)
        {
            if (month.Day != 1)
            {
                throw new ArgumentException($"Een maand wordt aangeduid met zijn eerste dag, niet met {PlanMessages.Date(month)}.", nameof(availableFte));
            }
            if (!double.IsFinite(fte) || fte < 0)
            {
                throw new ArgumentException($"De beschikbare inzet in {PlanMessages.Date(month)} moet nul of meer fte zijn.", nameof(availableFte));
            }
        }
        var loads = new SortedDictionary<DateOnly, List<ActionLoad>>();
        foreach (var month in availableFte.Keys)
        {
            loads[month] = [];
        }
        foreach (var a in schedule.Actions.Where(a => a.Action.DurationDays > 0 && a.Action.Fte > 0))
        {
            var first = a.EarliestStartDate;
            var last = a.EarliestFinishDate;
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            {
                var monthEnd = month.AddMonths(1).AddDays(-1);
                var from = first > month ? first : month;
                var to = last < monthEnd ? last : monthEnd;
                var days = to.DayNumber - from.DayNumber + 1;
                var share = a.Action.Fte * days / DateTime.DaysInMonth(month.Year, month.Month);
                if (!loads.TryGetValue(month, out var list))
                {
                    loads[month] = list = [];
                }
                list.Add(new ActionLoad(a.Action.Id, a.Action.Name, share));
            }
        }
        return [.. loads.Select(kv => new MonthCapacity(
            kv.Key,
            kv.Value.Sum(l => l.Fte),
            availableFte.GetValueOrDefault(kv.Key),
            [.. kv.Value.OrderByDescending(l => l.Fte)]))];
    }
}
