using System.Globalization;

namespace Weerbaar.Analysis.Allocation;

/// <summary>The answer of an allocation run for one policy.</summary>
/// <param name="Message">Dutch, for a municipal coordinator: what was achieved, and any minimum level that could not be met.</param>
/// <param name="ResourcesWithoutMinimum">Resources whose stock cannot meet the minimum service level; they were divided without it.</param>
/// <param name="Cells">Per (buurt, group, resource), in input order per resource, with served and need per period and a Dutch explanation.</param>
/// <param name="Flows">What went from which point to whom, per resource and period (only amounts above 0).</param>
/// <param name="Stages">Every LP solved, in order, with GLOP's status, objective and time (empty for the proportional policy).</param>
public sealed record AllocationResult(
    AllocationStatus Status,
    string Message,
    AllocationPolicy Policy,
    TimeSpan Elapsed,
    IReadOnlyList<string> ResourcesWithoutMinimum,
    IReadOnlyList<AllocationCell> Cells,
    IReadOnlyList<AllocationFlow> Flows,
    IReadOnlyList<AllocationStage> Stages)
{
    public IReadOnlyList<AllocationShortfall> ByGroup() => Sum(c => c.GroupId);

    public IReadOnlyList<AllocationShortfall> ByBuurt() => Sum(c => c.BuurtId);

    public IReadOnlyList<AllocationShortfall> ByTier() => Sum(c => c.Tier.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyList<AllocationShortfall> ByPeriod()
        => [.. Cells.SelectMany(c => c.Need.Select((n, t) => (c.ResourceId, t, n, s: c.Served[t])))
            .GroupBy(x => (x.ResourceId, x.t))
            .Select(g => new AllocationShortfall(g.Key.ResourceId, g.Key.t.ToString(CultureInfo.InvariantCulture), g.Sum(x => x.n), g.Sum(x => x.s)))];

    /// <summary>Total unmet need of one resource, in its unit.</summary>
    public double Unmet(string resourceId) => Cells.Where(c => c.ResourceId == resourceId).Sum(c => c.Shortfall);

    /// <summary>The Gini coefficient of service fractions across people (<see cref="ServiceGini"/>), for one resource or, when null, over all (person, resource) pairs with a need.</summary>
    public double Gini(string? resourceId = null)
        => ServiceGini.Of(Cells.Where(c => c.TotalNeed > 0 && (resourceId is null || c.ResourceId == resourceId)).Select(c => (c.ServiceFraction, c.People)));

    private AllocationShortfall[] Sum(Func<AllocationCell, string> key)
        => [.. Cells.GroupBy(c => (c.ResourceId, Key: key(c)))
            .Select(g => new AllocationShortfall(g.Key.ResourceId, g.Key.Key, g.Sum(c => c.TotalNeed), g.Sum(c => c.TotalServed)))];
}
