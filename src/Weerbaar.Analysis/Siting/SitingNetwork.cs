using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Siting;

/// <summary>
/// The explicit distance structure every model works on: per demand point the sites it can reach, nearest first,
/// with their distances. Covering models keep only the sites within the norm (sparse); the p-median keeps all.
/// </summary>
internal sealed class SitingNetwork
{
    private (int[][] Demands, double[][] Distances)? _bySite;

    public SitingNetwork(int siteCount, int[][] sites, double[][] distances)
    {
        SiteCount = siteCount;
        Sites = sites;
        Distances = distances;
    }

    public int DemandCount => Sites.Length;

    public int SiteCount { get; }

    /// <summary>Per demand: reachable site indices, nearest first (ties by index).</summary>
    public int[][] Sites { get; }

    /// <summary>Per demand: the distances matching <see cref="Sites"/>, ascending.</summary>
    public double[][] Distances { get; }

    /// <summary>Per site: the demands that reach it, nearest first (ties by index).</summary>
    public int[][] DemandsBySite => (_bySite ??= Reverse()).Demands;

    /// <summary>Per site: the distances matching <see cref="DemandsBySite"/>, ascending.</summary>
    public double[][] DistancesBySite => (_bySite ??= Reverse()).Distances;

    /// <summary>From a full distance matrix [demand, site], keeping pairs at most <paramref name="maxDistance"/> apart.</summary>
    public static SitingNetwork FromMatrix(double[,] distances, double maxDistance = double.PositiveInfinity)
    {
        var n = distances.GetLength(0);
        var m = distances.GetLength(1);
        var sites = new int[n][];
        var dist = new double[n][];
        var row = new List<(double D, int J)>(m);
        for (var i = 0; i < n; i++)
        {
            row.Clear();
            for (var j = 0; j < m; j++)
            {
                if (distances[i, j] <= maxDistance && double.IsFinite(distances[i, j]))
                {
                    row.Add((distances[i, j], j));
                }
            }
            Sort(row, out sites[i], out dist[i]);
        }
        return new SitingNetwork(m, sites, dist);
    }

    /// <summary>
    /// From coordinates: distance = haversine × <paramref name="detourFactor"/>. With a finite
    /// <paramref name="maxDistance"/> only the sites in the 3 × 3 grid cells around a demand point are measured
    /// (cells as large as the straight-line radius), so the national instance needs no all-pairs matrix.
    /// </summary>
    public static SitingNetwork FromCoordinates(
        IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, double detourFactor, double maxDistance)
    {
        var n = demand.Count;
        var outSites = new int[n][];
        var outDist = new double[n][];
        var row = new List<(double D, int J)>();
        if (double.IsPositiveInfinity(maxDistance))
        {
            for (var i = 0; i < n; i++)
            {
                row.Clear();
                for (var j = 0; j < sites.Count; j++)
                {
                    row.Add((Distance(demand[i], sites[j], detourFactor), j));
                }
                Sort(row, out outSites[i], out outDist[i]);
            }
            return new SitingNetwork(sites.Count, outSites, outDist);
        }

        var grid = new CoordinateGrid(sites, maxDistance / detourFactor, demand.Select(d => d.Latitude));
        for (var i = 0; i < n; i++)
        {
            row.Clear();
            foreach (var j in grid.Near(demand[i].Latitude, demand[i].Longitude))
            {
                var d = Distance(demand[i], sites[j], detourFactor);
                if (d <= maxDistance)
                {
                    row.Add((d, j));
                }
            }
            Sort(row, out outSites[i], out outDist[i]);
        }
        return new SitingNetwork(sites.Count, outSites, outDist);
    }

    public static double Distance(SitingDemand d, SitingSite s, double detourFactor)
        => GeoDistance.HaversineMeters(d.Latitude, d.Longitude, s.Latitude, s.Longitude) * detourFactor;

    /// <summary>The distance from demand <paramref name="i"/> to site <paramref name="j"/>, or +∞ when it is not in the structure.</summary>
    public double DistanceOf(int i, int j)
    {
        var s = Sites[i];
        for (var t = 0; t < s.Length; t++)
        {
            if (s[t] == j)
            {
                return Distances[i][t];
            }
        }
        return double.PositiveInfinity;
    }

    private static void Sort(List<(double D, int J)> row, out int[] sites, out double[] distances)
    {
        row.Sort();
        sites = new int[row.Count];
        distances = new double[row.Count];
        for (var t = 0; t < row.Count; t++)
        {
            sites[t] = row[t].J;
            distances[t] = row[t].D;
        }
    }

    private (int[][], double[][]) Reverse()
    {
        var lists = new List<(double D, int I)>[SiteCount];
        for (var j = 0; j < SiteCount; j++)
        {
            lists[j] = [];
        }
        for (var i = 0; i < DemandCount; i++)
        {
            for (var t = 0; t < Sites[i].Length; t++)
            {
                lists[Sites[i][t]].Add((Distances[i][t], i));
            }
        }
        var demands = new int[SiteCount][];
        var distances = new double[SiteCount][];
        for (var j = 0; j < SiteCount; j++)
        {
            Sort(lists[j], out demands[j], out distances[j]);
        }
        return (demands, distances);
    }
}
