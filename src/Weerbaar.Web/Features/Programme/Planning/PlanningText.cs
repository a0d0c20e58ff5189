using Weerbaar.Analysis.Planning;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>The Dutch sentences of the capacity and budget checks.</summary>
public static class PlanningText
{
    /// <summary>"In maart 2027 is 1,5 fte meer ingepland dan beschikbaar (3,5 fte gepland, 2 fte beschikbaar)."</summary>
    public static string OverAllocated(MonthCapacity m)
        => $"In {PlanningFormat.Month(m.Month)} is {PlanningFormat.Fte(m.OverBy)} meer ingepland dan beschikbaar ({PlanningFormat.Fte(m.PlannedFte)} gepland, {PlanningFormat.Fte(m.AvailableFte)} beschikbaar).";

    /// <summary>The actions running in the month, largest share first: "A-1 Titel (2 fte), A-3 Titel (1,5 fte)"; beyond
    /// <paramref name="max"/> the rest is summed, so a month of a large programme stays readable.</summary>
    public static string Contributions(MonthCapacity m, int max = 10)
    {
        var named = string.Join(", ", m.Contributions.Take(max).Select(c => $"{c.Name} ({PlanningFormat.Fte(c.Fte)})"));
        var rest = m.Contributions.Skip(max).ToList();
        return rest.Count == 0 ? named : $"{named} en {rest.Count} andere {(rest.Count == 1 ? "actie" : "acties")} (samen {PlanningFormat.Fte(rest.Sum(c => c.Fte))})";
    }

    /// <summary>"In 2027 is € 20.000 meer gepland dan begroot (€ 120.000 gepland, € 100.000 begroot)."</summary>
    public static string Shortfall(BudgetYear y)
        => $"In {y.Year} is {PlanningFormat.Money(y.Shortfall)} meer gepland dan begroot ({PlanningFormat.Money(y.Total)} gepland, {PlanningFormat.Money(y.Begroting)} begroot).";
}
