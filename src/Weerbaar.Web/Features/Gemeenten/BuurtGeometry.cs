namespace Weerbaar.Web.Features.Gemeenten;

/// <summary>
/// Optional geometry of a buurt (a polygon or a point), loaded by a beheerder from e.g. the CBS wijk- en buurtkaart.
/// The reference data shipped with Weerbaar has none; without it the map shows buurten only in the table.
/// </summary>
public sealed class BuurtGeometry
{
    public required string BuurtCode { get; set; }
    /// <summary>A GeoJSON geometry (Polygon, MultiPolygon or Point) in WGS84 longitude/latitude.</summary>
    public required string GeoJson { get; set; }
    public double CentroidLatitude { get; set; }
    public double CentroidLongitude { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
