namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// A closed-form bound that lets the solver skip LPs: in period t a demand can get at most what its reachable points
/// received up to t (with carry-over) or in t (without). Where that bound is zero, its service fraction in t is zero in
/// every answer, so a max-min level over it is exactly 0; where it is below the minimum level, the minimum is infeasible.
/// </summary>
internal static class AllocationStockInReach
{
    /// <summary>[d][t]: the most demand d can be served in period t as a share of its need (≤ 1); null without need or reach.</summary>
    public static double[]?[] UpperFractions(AllocationProblem p, int r)
    {
        var available = new double[p.PointCount][];
        for (var j = 0; j < p.PointCount; j++)
        {
            available[j] = new double[p.Periods];
            for (var t = 0; t < p.Periods; t++)
            {
                var earlier = p.Options.CarryOver && t > 0 ? available[j][t - 1] : 0;
                available[j][t] = earlier + Math.Max(0, p.Supply[r][j][t]);
            }
        }
        var result = new double[]?[p.DemandCount];
        for (var d = 0; d < p.DemandCount; d++)
        {
            var need = p.Need[r][d];
            if (need > 0 && p.Reach[d].Length > 0)
            {
                result[d] = [.. Enumerable.Range(0, p.Periods).Select(t => Math.Min(1, p.Reach[d].Sum(j => available[j][t]) / need))];
            }
        }
        return result;
    }

    /// <summary>Some demand in reach can get nothing in some period: no minimum level is possible, the best is 0.</summary>
    public static bool SomeoneWithout(AllocationProblem p, int r) => UpperFractions(p, r).Any(f => f is not null && f.Any(x => x <= 0));

    /// <summary>Some demand in reach cannot get <paramref name="minimum"/> of its need in some period.</summary>
    public static bool MinimumInfeasible(AllocationProblem p, int r, double minimum)
        => UpperFractions(p, r).Any(f => f is not null && f.Any(x => x < minimum));
}
