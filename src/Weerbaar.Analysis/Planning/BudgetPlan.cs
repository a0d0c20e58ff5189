namespace Weerbaar.Analysis.Planning;

/// <summary>Budget sums per pillar and per year, against the begroting.</summary>
/// <param name="PerPillar">Ordered by pillar, then year.</param>
/// <param name="PerYear">Ordered by year.</param>
public sealed record BudgetPlan(IReadOnlyList<PillarBudgetYear> PerPillar, IReadOnlyList<BudgetYear> PerYear)
{
    /// <summary>
    /// The years are those of <paramref name="begroting"/> and every year an action starts in. A one-off budget
    /// falls in the year the action starts (early schedule); a structural budget in every listed year from then on.
    /// A year missing from <paramref name="begroting"/> has a begroting of 0.
    /// </summary>
    public static BudgetPlan Compute(PlanSchedule schedule, IReadOnlyDictionary<int, decimal> begroting)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(begroting);
        if (begroting.FirstOrDefault(kv => kv.Value < 0) is { Value: < 0 } negative)
        {
            throw new ArgumentException($"De begroting voor {negative.Key} is negatief.", nameof(begroting));
        }
        var years = begroting.Keys.Concat(schedule.Actions.Select(a => a.EarliestStartDate.Year)).Distinct().Order().ToList();
        var perPillar = new List<PillarBudgetYear>();
        foreach (var pillar in schedule.Actions.GroupBy(a => a.Action.Pillar).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var year in years)
            {
                var oneOff = pillar.Where(a => a.EarliestStartDate.Year == year).Sum(a => a.Action.OneOffBudget);
                var structural = pillar.Where(a => a.EarliestStartDate.Year <= year).Sum(a => a.Action.StructuralBudgetPerYear);
                perPillar.Add(new PillarBudgetYear(pillar.Key, year, oneOff, structural));
            }
        }
        var perYear = years.Select(y => new BudgetYear(
            y,
            perPillar.Where(p => p.Year == y).Sum(p => p.OneOff),
            perPillar.Where(p => p.Year == y).Sum(p => p.Structural),
            begroting.GetValueOrDefault(y))).ToList();
        return new BudgetPlan(perPillar, perYear);
    }
}
