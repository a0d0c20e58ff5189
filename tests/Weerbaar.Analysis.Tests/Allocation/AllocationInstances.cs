using Weerbaar.Analysis.Allocation;
using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Tests.Allocation;

/// <summary>Test instances: points on a meridian (distances are plain metres along a line) and seeded random ones.</summary>
internal static class AllocationInstances
{
    public static readonly AllocationResource Water = new("water", "drinkwater", "liter");

    public static readonly AllocationResource Meals = new("maaltijden", "maaltijden", "maaltijden");

    /// <summary>The latitude <paramref name="meters"/> north of 52° N on the 5° E meridian.</summary>
    public static double North(double meters) => 52.0 + (meters / (GeoDistance.EarthRadiusMeters * Math.PI / 180));

    public static AllocationPoint Point(string id, double meters) => new(id, North(meters), 5.0);

    public static AllocationDemand Demand(string buurt, double meters, string group, double people) => new(buurt, North(meters), 5.0, group, people);

    public static AllocationGroup Group(string id, string name, int tier, double waterPerPerson)
        => new(id, name, tier, new Dictionary<string, double> { ["water"] = waterPerPerson });

    public static AllocationStock Stock(string point, double initial, params double[] deliveries) => new(point, "water", initial, deliveries);

    public static readonly string[] GroupIds = ["zorgafhankelijk-thuis", "75plus-alleen", "gezinnen-met-baby", "overig"];

    /// <summary>
    /// Buurten and points scattered over a square of <paramref name="sizeMeters"/>; four groups in tiers 1–4 (or random
    /// tiers 1–2), two resources, random stock and deliveries that fall short of the need.
    /// </summary>
    public static AllocationInput Random(int seed, int buurten = 25, int points = 5, int periods = 4, double sizeMeters = 3000, double scarcity = 0.5)
    {
        var random = new Random(seed);
        var degLat = sizeMeters / 111_195.0;
        var degLon = degLat / Math.Cos(52 * Math.PI / 180);
        var groups = GroupIds.Select((id, i) => new AllocationGroup(id, id.Replace('-', ' '), seed % 2 == 0 ? i + 1 : 1 + (i % 2),
            new Dictionary<string, double> { ["water"] = 0.5 + random.NextDouble(), ["maaltijden"] = random.Next(0, 2) })).ToArray();
        var demand = Enumerable.Range(0, buurten).SelectMany(b =>
        {
            var (lat, lon) = (52 + (random.NextDouble() * degLat), 5 + (random.NextDouble() * degLon));
            return groups.Select(g => new AllocationDemand($"BU{b}", lat, lon, g.Id, random.Next(0, 200)));
        }).ToArray();
        var pts = Enumerable.Range(0, points)
            .Select(j => new AllocationPoint($"P{j}", 52 + (random.NextDouble() * degLat), 5 + (random.NextDouble() * degLon))).ToArray();
        var perPeriod = demand.Sum(d => d.People) / points;
        var stock = pts.SelectMany(p => new[] { "water", "maaltijden" }.Select(r => new AllocationStock(p.Id, r,
            scarcity * perPeriod * random.NextDouble(),
            [.. Enumerable.Range(0, periods).Select(_ => random.NextDouble() < 0.5 ? scarcity * perPeriod * random.NextDouble() : 0)]))).ToArray();
        return new AllocationInput([Water, Meals], pts, stock, groups, demand);
    }
}
