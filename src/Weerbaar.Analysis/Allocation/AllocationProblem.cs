using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Allocation;

/// <summary>The input as indexed arrays: demand d (a buurt's group), point j, resource r, period t.</summary>
internal sealed class AllocationProblem
{
    public required AllocationInput Input { get; init; }

    public required AllocationOptions Options { get; init; }

    public int Periods => Options.Periods;

    public int DemandCount => Input.Demand.Count;

    public int PointCount => Input.Points.Count;

    public int ResourceCount => Input.Resources.Count;

    /// <summary>Per demand: its group.</summary>
    public required AllocationGroup[] Group { get; init; }

    /// <summary>Per demand: points within the maximum distance, nearest first.</summary>
    public required int[][] Reach { get; init; }

    /// <summary>Per demand: distance to the nearest point (metres), +∞ without points.</summary>
    public required double[] NearestMeters { get; init; }

    /// <summary>[r][d]: need per period (people × need per person).</summary>
    public required double[][] Need { get; init; }

    /// <summary>[r][j][t]: arriving at the start of period t (the initial stock in t = 0).</summary>
    public required double[][][] Supply { get; init; }

    public int Tier(int d) => Group[d].Tier;

    public static AllocationProblem From(AllocationInput input, AllocationOptions options)
    {
        var groups = input.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var points = input.Points.Select((p, j) => (p.Id, j)).ToDictionary(x => x.Id, x => x.j, StringComparer.Ordinal);
        var resources = input.Resources.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var group = input.Demand.Select(d => groups[d.GroupId]).ToArray();
        var reach = new int[input.Demand.Count][];
        var nearest = new double[input.Demand.Count];
        for (var d = 0; d < input.Demand.Count; d++)
        {
            var demand = input.Demand[d];
            var distances = input.Points
                .Select((p, j) => (j, m: GeoDistance.HaversineMeters(demand.Latitude, demand.Longitude, p.Latitude, p.Longitude)))
                .OrderBy(x => x.m).ToArray();
            nearest[d] = distances.Length > 0 ? distances[0].m : double.PositiveInfinity;
            reach[d] = [.. distances.Where(x => x.m <= options.MaxDistanceMeters).Select(x => x.j)];
        }
        var need = input.Resources.Select(r => input.Demand.Select((d, i) =>
            group[i].NeedPerPersonPerPeriod.TryGetValue(r.Id, out var perPerson) ? perPerson * d.People : 0).ToArray()).ToArray();
        var supply = input.Resources.Select(_ => input.Points.Select(_ => new double[options.Periods]).ToArray()).ToArray();
        foreach (var s in input.Stock)
        {
            var row = supply[resources[s.ResourceId]][points[s.PointId]];
            row[0] += s.Initial;
            for (var t = 0; t < Math.Min(options.Periods, s.Deliveries.Count); t++)
            {
                row[t] += s.Deliveries[t];
            }
        }
        return new AllocationProblem
        {
            Input = input,
            Options = options,
            Group = group,
            Reach = reach,
            NearestMeters = nearest,
            Need = need,
            Supply = supply,
        };
    }
}
