namespace Weerbaar.Analysis.Allocation;

/// <summary>One policy's outcome for one resource, for the side-by-side table.</summary>
/// <param name="UnmetPerTier">Unmet need per tier, in the resource's unit.</param>
/// <param name="Gini">Of service fractions across people (<see cref="ServiceGini"/>).</param>
public sealed record AllocationComparison(
    AllocationPolicy Policy, string ResourceId, double Unmet, IReadOnlyDictionary<int, double> UnmetPerTier, double Gini, TimeSpan Elapsed)
{
    public static IReadOnlyList<AllocationComparison> Of(IEnumerable<AllocationResult> results)
        => [.. results.SelectMany(result => result.Cells.Select(c => c.ResourceId).Distinct(StringComparer.Ordinal).Select(r =>
            new AllocationComparison(
                result.Policy, r, result.Unmet(r),
                result.Cells.Where(c => c.ResourceId == r).GroupBy(c => c.Tier).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Shortfall)),
                result.Gini(r), result.Elapsed)))];
}
