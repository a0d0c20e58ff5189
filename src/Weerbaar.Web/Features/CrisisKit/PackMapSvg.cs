using System.Globalization;
using System.Net;
using System.Text;
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
    private const double Box = 600, Pad = 12, LegendLine = 22;
    private const string Font = "font-family=\"'Noto Sans', 'Liberation Sans', Arial, sans-serif\"";

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
        var projection = new MapProjection(all.Min(x => x.Item1), all.Min(x => x.Item2), all.Max(x => x.Item1), all.Max(x => x.Item2), Box, Box, Pad);
        var width = Box + 2 * Pad;
        var left = (width - projection.Width) / 2;
        var legend = new List<(string Symbol, string Text)>
        {
            ("<rect x=\"0\" y=\"0\" width=\"16\" height=\"14\" fill=\"url(#gebied)\" stroke=\"#000000\" stroke-width=\"0.8\"/>", "Buurt in het verzorgingsgebied"),
            ("<rect x=\"2\" y=\"1\" width=\"12\" height=\"12\" fill=\"#000000\"/>", "Noodsteunpunt"),
            ("<line x1=\"0\" y1=\"7\" x2=\"16\" y2=\"7\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
                "Afstand hemelsbreed: " + string.Join(" en ", p.Catchment.RingMeters.Select(M))),
        };
        if (locations.Count > 0)
        {
            legend.Add(("<circle cx=\"8\" cy=\"7\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/><circle cx=\"8\" cy=\"7\" r=\"1.6\" fill=\"#000000\"/>", "Kwetsbare locatie"));
        }
        var height = projection.Height + 16 + legend.Count * LegendLine + 20;
        var title = $"Noodsteunpunt {p.Point.Name}: verzorgingsgebied";
        var alt = $"Kaart van het verzorgingsgebied van noodsteunpunt {p.Point.Name}: {p.Catchment.Buurten.Count} buurten met samen "
            + $"{Shared.Format.Number(p.Catchment.Residents)} inwoners, cirkels op {string.Join(" en ", p.Catchment.RingMeters.Select(M))} hemelsbreed"
            + (locations.Count > 0 ? $", en {locations.Count} kwetsbare locaties." : ".");

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-map\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-uitleg\" {Font} font-size=\"12\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titel\">{E(title)}</title><desc id=\"{id}-uitleg\">{E(alt)}</desc>")
            .Append("<defs><pattern id=\"gebied\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#767676\" stroke-width=\"2\"/></pattern></defs>")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/><g transform=\"translate({N(left)} 0)\">");
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
            svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"locatie\"><title>{E(l.Name)}</title><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"1.6\" fill=\"#000000\"/></g>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"noodsteunpunt\"><title>{E(p.Point.Name)}</title><rect x=\"{N(px - 7)}\" y=\"{N(py - 7)}\" width=\"14\" height=\"14\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"2\"/></g></g>");

        var bar = ScaleBar.Choose(projection.MetresPerPixel, Box / 4);
        var by = projection.Height - 4;
        svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"schaal\"><rect x=\"{N(Pad)}\" y=\"{N(by - 6)}\" width=\"{N(bar.Pixels)}\" height=\"5\" fill=\"#000000\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Pad)}\" y=\"{N(by - 10)}\">0</text><text x=\"{N(Pad + bar.Pixels)}\" y=\"{N(by - 10)}\" text-anchor=\"middle\">{E(bar.Label)}</text></g>");
        var top = projection.Height + 16;
        svg.Append("<g data-laag=\"legenda\">");
        for (var i = 0; i < legend.Count; i++)
        {
            var y = top + i * LegendLine;
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({N(Pad)} {N(y)})\">{legend[i].Symbol}</g><text x=\"{N(Pad + 24)}\" y=\"{N(y + 11)}\">{E(legend[i].Text)}</text>");
        }
        svg.Append("</g>").Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Pad)}\" y=\"{N(height - 6)}\" font-size=\"10\" fill=\"#404040\">Bron: CBS/Kadaster</text></svg>");
        return new ReportMap(id, title, alt, svg.ToString(), height / width, Source);
    }

    private static string M(double metres) => metres >= 1000 ? $"{Shared.Format.Number(metres / 1000, 1)} km" : $"{Shared.Format.Number(metres, 0)} m";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
