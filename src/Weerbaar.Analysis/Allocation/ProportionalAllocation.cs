namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// The proportional policy in closed form: each demand goes to its nearest point within reach; per point and period
/// everyone served there gets the same share min(1, available / need there) of their need; what is left carries over.
/// </summary>
internal static class ProportionalAllocation
{
    public static ResourceAllocation Solve(AllocationProblem p, int r)
    {
        var need = p.Need[r];
        var served = new double[p.DemandCount][];
        var atPoint = new List<int>[p.PointCount];
        for (var j = 0; j < p.PointCount; j++)
        {
            atPoint[j] = [];
        }
        for (var d = 0; d < p.DemandCount; d++)
        {
            served[d] = new double[p.Periods];
            if (need[d] > 0 && p.Reach[d].Length > 0)
            {
                atPoint[p.Reach[d][0]].Add(d);
            }
        }
        var flows = new List<(int Point, int Demand, int Period, double Quantity)>();
        for (var j = 0; j < p.PointCount; j++)
        {
            var total = atPoint[j].Sum(d => need[d]);
            var carried = 0.0;
            for (var t = 0; t < p.Periods; t++)
            {
                var available = p.Supply[r][j][t] + carried;
                var share = total > 0 ? Math.Min(1, available / total) : 0;
                foreach (var d in atPoint[j])
                {
                    served[d][t] = share * need[d];
                    if (served[d][t] > 0)
                    {
                        flows.Add((j, d, t, served[d][t]));
                    }
                }
                carried = p.Options.CarryOver ? Math.Max(0, available - (share * total)) : 0;
            }
        }
        return new ResourceAllocation(served, flows, [], [], null);
    }
}
