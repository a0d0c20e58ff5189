using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Coverage;

/// <summary>A buurt: residents, its location (null when unknown), residents estimated not 72 hours self-reliant, and whether it is in the highest vulnerability class.</summary>
public sealed record CoverageArea(string Code, int Residents, double? Latitude, double? Longitude, double NotSelfReliant, bool HighVulnerability);

/// <summary>A noodsteunpunt; one without coordinates counts toward the number of points but cannot cover anyone.</summary>
public sealed record CoveragePoint(string Id, double? Latitude, double? Longitude);

/// <param name="NormDistanceMeters">A buurt is covered when its distance to the nearest point is at most this.</param>
/// <param name="DetourFactor">Straight-line distance × this factor estimates the distance over the road.</param>
/// <param name="ResidentsPerPoint">One noodsteunpunt per this many residents.</param>
public sealed record CoverageNorms(double NormDistanceMeters, double DetourFactor, int ResidentsPerPoint)
{
    public static readonly CoverageNorms Default = new(1000, 1.3, 4000);
}

/// <param name="NearestPoint">Index into the points; null when the buurt has no location or no point has one.</param>
/// <param name="DistanceMeters">Straight line × detour factor to the nearest point.</param>
public sealed record AreaCoverage(string Code, int Residents, bool HasLocation, int? NearestPoint, double? DistanceMeters, bool Covered);

/// <summary>One distance band of the chart: residents of located buurten whose nearest point lies up to <see cref="UpToMeters"/> (null = farther or none).</summary>
public sealed record DistanceBand(double? UpToMeters, int Residents, int Areas);

public sealed record CoverageResult(
    CoverageNorms Norms,
    IReadOnlyList<AreaCoverage> Areas,
    int Residents,
    int ResidentsLocated,
    int ResidentsCovered,
    int AreasWithoutLocation,
    int ResidentsWithoutLocation,
    int Points,
    int PointsWithoutLocation,
    double NotSelfReliantLocated,
    double NotSelfReliantCovered,
    int HighVulnerabilityResidents,
    int HighVulnerabilityCovered,
    int PointsNeeded,
    IReadOnlyList<DistanceBand> Bands)
{
    /// <summary>Share of the residents of located buurten within the norm; null when no buurt has a location.</summary>
    public double? ShareCovered => ResidentsLocated > 0 ? (double)ResidentsCovered / ResidentsLocated : null;

    public double? ShareNotSelfReliantCovered => NotSelfReliantLocated > 0 ? NotSelfReliantCovered / NotSelfReliantLocated : null;

    public double? ShareHighVulnerabilityCovered => HighVulnerabilityResidents > 0 ? (double)HighVulnerabilityCovered / HighVulnerabilityResidents : null;

    /// <summary>Residents per noodsteunpunt; null without points.</summary>
    public double? ResidentsPerPoint => Points > 0 ? (double)Residents / Points : null;

    /// <summary>How many more points the residents norm asks for (never negative).</summary>
    public int PointsMissing => Math.Max(0, PointsNeeded - Points);
}

/// <summary>
/// Coverage of a gemeente's residents by its noodsteunpunten: per buurt the nearest point (great-circle distance ×
/// detour factor), whether that is within the norm, and the totals against both norms. Buurten without a location
/// are counted apart, never as covered or uncovered.
/// </summary>
public static class CoverageModel
{
    /// <param name="residents">The gemeente's residents (CBS), for the residents-per-point norm; buurt totals can fall short of it.</param>
    public static CoverageResult Compute(int residents, IReadOnlyList<CoverageArea> areas, IReadOnlyList<CoveragePoint> points, CoverageNorms norms)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(norms.NormDistanceMeters);
        ArgumentOutOfRangeException.ThrowIfLessThan(norms.DetourFactor, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(norms.ResidentsPerPoint);
        var located = points.Select((p, i) => (p, i)).Where(x => x.p.Latitude is not null && x.p.Longitude is not null).ToList();
        var bandLimits = new[] { 0.5, 1, 2, 5 }.Select(f => f * norms.NormDistanceMeters).ToArray();
        var bandResidents = new int[bandLimits.Length + 1];
        var bandAreas = new int[bandLimits.Length + 1];
        var result = new List<AreaCoverage>(areas.Count);
        int residentsLocated = 0, residentsCovered = 0, withoutLocation = 0, residentsWithoutLocation = 0, high = 0, highCovered = 0;
        double vulnerableLocated = 0, vulnerableCovered = 0;
        foreach (var a in areas)
        {
            if (a.Latitude is not { } lat || a.Longitude is not { } lon)
            {
                withoutLocation++;
                residentsWithoutLocation += a.Residents;
                result.Add(new AreaCoverage(a.Code, a.Residents, false, null, null, false));
                continue;
            }
            int? nearest = null;
            var best = double.PositiveInfinity;
            foreach (var (p, i) in located)
            {
                var d = GeoDistance.HaversineMeters(lat, lon, p.Latitude!.Value, p.Longitude!.Value) * norms.DetourFactor;
                if (d < best)
                {
                    (best, nearest) = (d, i);
                }
            }
            var covered = nearest is not null && best <= norms.NormDistanceMeters;
            residentsLocated += a.Residents;
            vulnerableLocated += a.NotSelfReliant;
            high += a.HighVulnerability ? a.Residents : 0;
            if (covered)
            {
                residentsCovered += a.Residents;
                vulnerableCovered += a.NotSelfReliant;
                highCovered += a.HighVulnerability ? a.Residents : 0;
            }
            var band = nearest is null ? bandLimits.Length : Array.FindIndex(bandLimits, limit => best <= limit) is var b and >= 0 ? b : bandLimits.Length;
            bandResidents[band] += a.Residents;
            bandAreas[band]++;
            result.Add(new AreaCoverage(a.Code, a.Residents, true, nearest, nearest is null ? null : best, covered));
        }
        var bands = bandLimits.Select((limit, i) => new DistanceBand(limit, bandResidents[i], bandAreas[i]))
            .Append(new DistanceBand(null, bandResidents[^1], bandAreas[^1])).ToList();
        return new CoverageResult(norms, result, residents, residentsLocated, residentsCovered, withoutLocation, residentsWithoutLocation,
            points.Count, points.Count - located.Count, vulnerableLocated, vulnerableCovered, high, highCovered,
            PointsNeeded(residents, norms.ResidentsPerPoint), bands);
    }

    /// <summary>⌈residents / norm⌉: the points a gemeente needs by the residents norm (one for any gemeente with residents).</summary>
    public static int PointsNeeded(int residents, int residentsPerPoint) => residents <= 0 ? 0 : (residents + residentsPerPoint - 1) / residentsPerPoint;
}
