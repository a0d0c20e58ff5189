namespace Weerbaar.Analysis.Allocation;

/// <summary>
/// Demands in the same stage tier with the same set of reachable points are interchangeable in the LP: any answer can
/// be rearranged to give each of them the class's service fraction (served split in proportion to need) without
/// changing a stage's max-min level or total, or any point's stock. So the LP is solved on classes and split back; on
/// the bench gemeente this cuts the variables severalfold.
/// </summary>
internal static class AllocationClasses
{
    public static ResourceAllocation? Solve(AllocationProblem p, int r, int[] tierOf, double minimum, bool firstStageOnly = false)
    {
        var classOf = new int[p.DemandCount];
        var members = new List<List<int>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < p.DemandCount; d++)
        {
            var key = tierOf[d] + ":" + string.Join(',', p.Reach[d].Order());
            if (!index.TryGetValue(key, out var k))
            {
                index[key] = k = members.Count;
                members.Add([]);
            }
            classOf[d] = k;
            members[k].Add(d);
        }
        var need = p.Need.Select(byDemand => members.Select(m => m.Sum(d => byDemand[d])).ToArray()).ToArray();
        var classes = new AllocationProblem
        {
            Input = p.Input with { Demand = [.. members.Select(m => p.Input.Demand[m[0]])] },
            Options = p.Options,
            Group = [.. members.Select(m => p.Group[m[0]])],
            Reach = [.. members.Select(m => p.Reach[m[0]])],
            NearestMeters = [.. members.Select(m => p.NearestMeters[m[0]])],
            Need = need,
            Supply = p.Supply,
        };
        var solved = AllocationLp.Solve(classes, r, [.. members.Select(m => tierOf[m[0]])], minimum, firstStageOnly);
        if (solved is null)
        {
            return null;
        }
        var served = Enumerable.Range(0, p.DemandCount).Select(_ => new double[p.Periods]).ToArray();
        var flows = new List<(int Point, int Demand, int Period, double Quantity)>();
        foreach (var (j, k, t, q) in solved.Flows)
        {
            foreach (var d in members[k])
            {
                var share = need[r][k] > 0 ? q * p.Need[r][d] / need[r][k] : 0;
                if (share > 0)
                {
                    flows.Add((j, d, t, share));
                    served[d][t] += share;
                }
            }
        }
        return solved with { Served = served, Flows = flows };
    }
}
