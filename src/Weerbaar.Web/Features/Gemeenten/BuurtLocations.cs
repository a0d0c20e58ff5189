using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Gemeenten;

public enum BuurtLocationSource { Geometry, CbsPoint }

/// <summary>Where a buurt lies for distances and point maps: its loaded geometry's centroid, else the CBS/Kadaster point.</summary>
public sealed record BuurtLocation(string BuurtCode, double Latitude, double Longitude, BuurtLocationSource Source);

/// <summary>
/// The one place that decides a buurt's location: geometry loaded by a beheerder takes precedence over the shipped
/// CBS/Kadaster label point; a buurt with neither has no location (callers list those, they never drop out silently).
/// </summary>
public sealed class BuurtLocations(AppDbContext db)
{
    public const string PointSource = "Buurtpunten: Bron: CBS/Kadaster, wijk- en buurtkaart 2014 (labelpunten, CC BY 4.0), gekoppeld aan de buurten van 2024.";

    public async Task<Dictionary<string, BuurtLocation>> ForGemeenteAsync(string gemeenteCode, CancellationToken ct)
    {
        var codes = db.Buurten.Where(b => b.GemeenteCode == gemeenteCode).Select(b => b.Code);
        var points = await db.BuurtPoints.AsNoTracking().Where(p => codes.Contains(p.BuurtCode))
            .Select(p => new { p.BuurtCode, p.Latitude, p.Longitude }).ToListAsync(ct);
        var geometries = await db.BuurtGeometries.AsNoTracking().Where(g => codes.Contains(g.BuurtCode))
            .Select(g => new { g.BuurtCode, g.CentroidLatitude, g.CentroidLongitude }).ToListAsync(ct);
        return Merge(points.Select(p => (p.BuurtCode, p.Latitude, p.Longitude)), geometries.Select(g => (g.BuurtCode, g.CentroidLatitude, g.CentroidLongitude)));
    }

    /// <summary>Every buurt of the country that has a location (for the national overview).</summary>
    public async Task<Dictionary<string, BuurtLocation>> AllAsync(CancellationToken ct)
    {
        var points = await db.BuurtPoints.AsNoTracking().Select(p => new { p.BuurtCode, p.Latitude, p.Longitude }).ToListAsync(ct);
        var geometries = await db.BuurtGeometries.AsNoTracking().Select(g => new { g.BuurtCode, g.CentroidLatitude, g.CentroidLongitude }).ToListAsync(ct);
        return Merge(points.Select(p => (p.BuurtCode, p.Latitude, p.Longitude)), geometries.Select(g => (g.BuurtCode, g.CentroidLatitude, g.CentroidLongitude)));
    }

    private static Dictionary<string, BuurtLocation> Merge(
        IEnumerable<(string Code, double Lat, double Lon)> points, IEnumerable<(string Code, double Lat, double Lon)> geometries)
    {
        var result = new Dictionary<string, BuurtLocation>(StringComparer.Ordinal);
        foreach (var (code, lat, lon) in points)
        {
            result[code] = new BuurtLocation(code, lat, lon, BuurtLocationSource.CbsPoint);
        }
        foreach (var (code, lat, lon) in geometries)
        {
            result[code] = new BuurtLocation(code, lat, lon, BuurtLocationSource.Geometry);
        }
        return result;
    }
}
