using System.Globalization;
using Weerbaar.Analysis.Geo;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Scan.Report;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>
/// The map of a noodsteunpunt pack, drawn on the server for paper and for the offline file: the buurten it serves, the
/// noodsteunpunt, straight-line distance rings, and the vulnerable locations in the pack. Made to be read in greyscale:
/// the served buurten are hatched, rings dashed, and markers differ in shape.
/// </summary>
public static class PackMapSvg
{
    public const string Source = "Bron: CBS/Kadaster (buurten en buurtpunten); noodsteunpunt en kwetsbare locaties: de gemeente.";

    /// <returns>Null when the noodsteunpunt has no coordinates.</returns>
    public static ReportMap? For(NoodsteunpuntPackContent p, string id)
    {
        if (p.Point.Latitude is not { } lat || p.Point.Longitude is not { } lon)
        {
            return null;
        }
        var ring = p.Catchment.RingMeters.DefaultIfEmpty(1000).Max();
        // The extent: the served buurten, the locations, and the largest ring around the point.
        var dLat = ring / GeoDistance.EarthRadiusMeters * 180 / Math.PI;
        var dLon = dLat / Math.Cos(lat * Math.PI / 180);
        var shapes = p.Catchment.Buurten.Select(b => (b, rings: b.GeoJson is { } g ? FotoMapSvg.Rings(g) : [])).ToList();
        var all = new List<(double, double)> { (lat - dLat, lon - dLon), (lat + dLat, lon + dLon) };
        all.AddRange(shapes.SelectMany(s => s.rings.Count > 0 ? s.rings.SelectMany(r => r)
            : s.b.Latitude is { } bl && s.b.Longitude is { } bo ? [(bl, bo)] : []));
        var locations = (p.Locations ?? []).Where(l => l.Latitude is not null && l.Longitude is not null).ToList();
        all.AddRange(locations.Select(l => (l.Latitude!.Value, l.Longitude!.Value)));
        var projection = new MapProjection(all.Min(x => x.Item1), all.Min(x => x.Item2), all.Max(x => x.Item1), all.Max(x => x.Item2), PackSvg.Box, PackSvg.Box, PackSvg.Pad);
        var legend = new List<(string Symbol, string Text)>
        {
            ("<rect x=\"0\" y=\"0\" width=\"16\" height=\"14\" fill=\"url(#gebied)\" stroke=\"#000000\" stroke-width=\"0.8\"/>", "Buurt in het verzorgingsgebied"),
            ("<rect x=\"2\" y=\"1\" width=\"12\" height=\"12\" fill=\"#000000\"/>", "Noodsteunpunt"),
            ("<line x1=\"0\" y1=\"7\" x2=\"16\" y2=\"7\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
                "Afstand hemelsbreed: " + string.Join(" en ", p.Catchment.RingMeters.Select(M))),
        };
        if (locations.Count > 0)
        {
            legend.Add((PackSvg.LocationSymbol, "Kwetsbare locatie"));
        }
        var height = PackSvg.Height(projection, legend.Count);
        var title = $"Noodsteunpunt {p.Point.Name}: verzorgingsgebied";
        var alt = $"Kaart van het verzorgingsgebied van noodsteunpunt {p.Point.Name}: {p.Catchment.Buurten.Count} buurten met samen "
            + $"{Shared.Format.Number(p.Catchment.Residents)} inwoners, cirkels op {string.Join(" en ", p.Catchment.RingMeters.Select(M))} hemelsbreed"
            + (locations.Count > 0 ? $", en {locations.Count} kwetsbare locaties." : ".");

        var svg = PackSvg.Open(id, projection, height, title, alt,
            "<pattern id=\"gebied\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#767676\" stroke-width=\"2\"/></pattern>");
        foreach (var (b, rings) in shapes)
        {
            if (rings.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path data-buurt=\"{E(b.Code)}\" d=\"{FotoMapSvg.Path(projection, rings)}\" fill=\"url(#gebied)\" fill-rule=\"evenodd\" stroke=\"#000000\" stroke-width=\"0.8\"><title>{E(b.Name)}</title></path>");
            }
            else if (b.Latitude is { } bl && b.Longitude is { } bo)
            {
                var (x, y) = projection.ToPixel(bl, bo);
                svg.Append(CultureInfo.InvariantCulture, $"<circle data-buurt=\"{E(b.Code)}\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"7\" fill=\"url(#gebied)\" stroke=\"#000000\" stroke-width=\"0.8\"><title>{E(b.Name)}</title></circle>");
            }
        }
        var (px, py) = projection.ToPixel(lat, lon);
        foreach (var r in p.Catchment.RingMeters)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle data-laag=\"ring\" data-meter=\"{N(r)}\" cx=\"{N(px)}\" cy=\"{N(py)}\" r=\"{N(r / projection.MetresPerPixel)}\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
        }
        foreach (var l in locations)
        {
            var (x, y) = projection.ToPixel(l.Latitude!.Value, l.Longitude!.Value);
            svg.Append(PackSvg.Location(x, y, l.Name));
        }
        svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"noodsteunpunt\"><title>{E(p.Point.Name)}</title><rect x=\"{N(px - 7)}\" y=\"{N(py - 7)}\" width=\"14\" height=\"14\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"2\"/></g>");
        return new ReportMap(id, title, alt, PackSvg.Close(svg, projection, height, legend), height / PackSvg.Width, Source);
    }

    private static string M(double metres) => PackSvg.M(metres);

    private static string N(double value) => PackSvg.N(value);

    private static string E(string text) => PackSvg.E(text);
}
