namespace Weerbaar.Analysis.Geo;

/// <summary>Straight-line distances on the earth's surface (WGS84 degrees in, metres out).</summary>
public static class GeoDistance
{
    /// <summary>Mean earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle distance by the haversine formula; within 0.5 % of the ellipsoidal distance, far below the detour factor's own uncertainty.</summary>
    public static double HaversineMeters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = latitude1 * Math.PI / 180;
        var phi2 = latitude2 * Math.PI / 180;
        var dPhi = phi2 - phi1;
        var dLambda = (longitude2 - longitude1) * Math.PI / 180;
        var a = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2) + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
