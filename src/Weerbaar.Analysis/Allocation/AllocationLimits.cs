namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// The LP meets its rows up to GLOP's feasibility tolerance; scale flows down where a demand's need or a point's stock
/// (with carry-over, walked forward period by period) is exceeded by such noise, so the answer never goes above either.
/// </summary>
internal static class AllocationLimits
{
    public static List<(int Point, int Demand, int Period, double Quantity)> Within(
        AllocationProblem p, int r, List<(int Point, int Demand, int Period, double Quantity)> flows)
    {
        var served = new Dictionary<(int, int), double>();
        foreach (var (_, d, t, q) in flows)
        {
            served[(d, t)] = served.GetValueOrDefault((d, t)) + q;
        }
        flows = [.. flows.Select(f =>
        {
            var total = served[(f.Demand, f.Period)];
            var need = p.Need[r][f.Demand];
            return total > need ? f with { Quantity = f.Quantity * need / total } : f;
        })];

        var used = new double[p.PointCount, p.Periods];
        foreach (var (j, _, t, q) in flows)
        {
            used[j, t] += q;
        }
        var scale = new double[p.PointCount, p.Periods];
        for (var j = 0; j < p.PointCount; j++)
        {
            var carried = 0.0;
            for (var t = 0; t < p.Periods; t++)
            {
                var available = p.Supply[r][j][t] + carried;
                scale[j, t] = used[j, t] > available ? available / used[j, t] : 1;
                carried = p.Options.CarryOver ? Math.Max(0, available - (used[j, t] * scale[j, t])) : 0;
            }
        }
        return [.. flows.Select(f => f with { Quantity = f.Quantity * scale[f.Point, f.Period] })];
    }
}
