using Weerbaar.Analysis.Geo;
using Weerbaar.Analysis.Siting;

namespace Weerbaar.Analysis.Tests.Siting;

/// <summary>Test instances: points on a meridian (so distances are plain metres along a line) and seeded random ones.</summary>
internal static class SitingInstances
{
    private const double Latitude0 = 52.0;
    private const double Longitude = 5.0;

    /// <summary>The latitude <paramref name="meters"/> north of 52° N on the same meridian (haversine gives back the metres).</summary>
    public static double North(double meters) => Latitude0 + meters / (GeoDistance.EarthRadiusMeters * Math.PI / 180);

    public static SitingDemand Demand(double meters, double weight, double priority = 1)
        => new($"D{meters}", North(meters), Longitude, weight, priority);

    public static SitingSite Site(double meters, bool isFixed = false, double? capacity = null)
        => new($"S{meters}", North(meters), Longitude, isFixed, capacity);

    /// <summary>Demand points and candidate sites scattered over a square of <paramref name="sizeMeters"/> around 52° N 5° E.</summary>
    public static (SitingDemand[] Demand, SitingSite[] Sites) Random(
        int seed, int demandCount, int siteCount, double fixedShare = 0.2, bool capacities = false, double sizeMeters = 3000)
    {
        var random = new Random(seed);
        var degLat = sizeMeters / 111_195.0;
        var degLon = degLat / Math.Cos(52 * Math.PI / 180);
        var demand = Enumerable.Range(0, demandCount)
            .Select(i => new SitingDemand(
                $"D{i}", 52 + random.NextDouble() * degLat, 5 + random.NextDouble() * degLon,
                random.Next(0, 500), 1 + random.Next(0, 3) * 0.5))
            .ToArray();
        var sites = Enumerable.Range(0, siteCount)
            .Select(j => new SitingSite(
                $"S{j}", 52 + random.NextDouble() * degLat, 5 + random.NextDouble() * degLon,
                random.NextDouble() < fixedShare, capacities ? random.Next(200, 2000) : null))
            .ToArray();
        return (demand, sites);
    }

    /// <summary>Distance as the solver defines it: haversine × detour.</summary>
    public static double Distance(SitingDemand d, SitingSite s, double detour)
        => GeoDistance.HaversineMeters(d.Latitude, d.Longitude, s.Latitude, s.Longitude) * detour;

    public static double EffectiveWeight(SitingDemand d, SitingOptions o) => o.WeightByPriority ? d.Weight * d.Priority : d.Weight;
}
