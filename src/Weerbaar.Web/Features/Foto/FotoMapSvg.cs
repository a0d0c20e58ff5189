using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Weerbaar.Analysis.Geo;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Foto;

/// <summary>
/// The foto's map for the PDF and Word documents, drawn on the server as SVG from the same data as the page's Leaflet map
/// (no background tiles): the gemeente outline, buurten by vulnerability class (polygons where geometry was loaded, else
/// circles on the buurt point), vulnerable locations only when <see cref="FotoData.Locations"/> is there (the reader may
/// see the register), noodsteunpunten, a legend, a scale bar, a north arrow and the source.
/// </summary>
public static class FotoMapSvg
{
    public const string Id = "kaart-foto";
    public const string Source = "Bron: CBS/Kadaster (gemeentegrens, buurten en buurtpunten); kwetsbare locaties en noodsteunpunten: de gemeente.";
    private const double MapBox = 640, Pad = 12, LegendLine = 22;
    /// <summary>The drawing's width in SVG pixels.</summary>
    public const double Width = MapBox + 2 * Pad;
    private const string NoIndex = "#bdbdbd", Outline = "#01689b", Steunpunt = "#01689b";
    private const string Font = "font-family=\"'Noto Sans', 'Liberation Sans', Arial, sans-serif\"";

    private sealed record Shape(string Code, string Name, int? Class, int Residents, List<List<(double Lat, double Lon)>>? Rings, (double Lat, double Lon) Point);

    /// <summary>The map block, or null when nothing of the gemeente has a place (no outline, no buurt points).</summary>
    public static ReportMap? For(FotoData f)
    {
        var outline = f.OutlineGeoJson is { } o ? Rings(o) : [];
        var index = f.Vulnerability?.Buurten.ToDictionary(b => b.Code);
        var shapes = new List<Shape>();
        foreach (var b in f.SelfReliance.Buurten)
        {
            var geometry = f.Geometries.GetValueOrDefault(b.Code);
            var rings = geometry is null ? [] : Rings(geometry.GeoJson);
            (double, double)? point = geometry is not null ? (geometry.CentroidLatitude, geometry.CentroidLongitude)
                : f.BuurtPoints.TryGetValue(b.Code, out var p) ? (p.Latitude, p.Longitude) : null;
            if (point is not { } at)
            {
                continue;
            }
            shapes.Add(new Shape(b.Code, b.Name, index?.GetValueOrDefault(b.Code)?.Class, b.Residents ?? 0, rings.Count > 0 ? rings : null, at));
        }
        var locations = (f.Locations ?? []).Where(l => l.Latitude is not null && l.Longitude is not null).ToList();
        var steunpunten = f.Noodsteunpunten.Where(n => n.Latitude is not null && n.Longitude is not null).ToList();

        var all = outline.SelectMany(r => r)
            .Concat(shapes.SelectMany(s => s.Rings?.SelectMany(r => r) ?? [s.Point]))
            .Concat(locations.Select(l => (l.Latitude!.Value, l.Longitude!.Value)))
            .Concat(steunpunten.Select(n => (n.Latitude!.Value, n.Longitude!.Value))).ToList();
        if (all.Count == 0)
        {
            return null;
        }
        var projection = new MapProjection(all.Min(p => p.Item1), all.Min(p => p.Item2), all.Max(p => p.Item1), all.Max(p => p.Item2), MapBox, MapBox, Pad);
        var width = Width;
        var mapLeft = (width - projection.Width) / 2;
        var mapHeight = projection.Height;

        var svg = new StringBuilder();
        var legend = Legend(f, locations.Count > 0 || f.Locations is not null);
        var legendRows = (legend.Count + 1) / 2;
        var height = mapHeight + 16 + legendRows * LegendLine + 20;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-map\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" ")
            .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-labelledby=\"{Id}-titel {Id}-uitleg\" {Font} font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id}-titel\">{E(Title(f))}</title><desc id=\"{Id}-uitleg\">{E(AltText(f, shapes.Count, locations.Count, steunpunten.Count))}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({N(mapLeft)} 0)\">");

        // Buurten: polygons first, then circles on top, larger circles below smaller ones.
        var maxResidents = Math.Max(1, shapes.Select(s => s.Residents).DefaultIfEmpty(1).Max());
        foreach (var s in shapes.Where(s => s.Rings is not null))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path data-buurt=\"{E(s.Code)}\" d=\"{Path(projection, s.Rings!)}\" fill=\"{Fill(s.Class)}\" fill-rule=\"evenodd\" stroke=\"#333333\" stroke-width=\"0.5\"><title>{E(Label(s))}</title></path>");
        }
        foreach (var s in shapes.Where(s => s.Rings is null).OrderByDescending(s => s.Residents))
        {
            var (x, y) = projection.ToPixel(s.Point.Lat, s.Point.Lon);
            var r = 2.5 + 9 * Math.Sqrt((double)s.Residents / maxResidents);
            svg.Append(CultureInfo.InvariantCulture, $"<circle data-buurt=\"{E(s.Code)}\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{Fill(s.Class)}\" stroke=\"#333333\" stroke-width=\"0.6\"><title>{E(Label(s))}</title></circle>");
        }
        if (outline.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path data-laag=\"grens\" d=\"{Path(projection, outline)}\" fill=\"none\" stroke=\"{Outline}\" stroke-width=\"2\"/>");
        }
        foreach (var l in locations)
        {
            var (x, y) = projection.ToPixel(l.Latitude!.Value, l.Longitude!.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"locatie\"><title>{E(l.Name)}</title>{LocationMarker(x, y)}</g>");
        }
        foreach (var n in steunpunten)
        {
            var (x, y) = projection.ToPixel(n.Latitude!.Value, n.Longitude!.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"noodsteunpunt\"><title>{E(n.Name)}</title>{SteunpuntMarker(x, y)}</g>");
        }
        svg.Append("</g>");

        // North arrow (top right) and scale bar (bottom left of the map).
        var nx = width - 22;
        svg.Append(CultureInfo.InvariantCulture, $"<g aria-hidden=\"true\"><path d=\"M {N(nx)} 12 L {N(nx + 7)} 34 L {N(nx)} 29 L {N(nx - 7)} 34 Z\" fill=\"#000000\"/><text x=\"{N(nx)}\" y=\"48\" text-anchor=\"middle\" font-weight=\"bold\">N</text></g>");
        var bar = ScaleBar.Choose(projection.MetresPerPixel, MapBox / 4);
        var by = mapHeight - 4;
        svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"schaal\" data-meter=\"{N(bar.Metres)}\" data-pixels=\"{N(bar.Pixels)}\">")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Pad)}\" y=\"{N(by - 6)}\" width=\"{N(bar.Pixels / 2)}\" height=\"5\" fill=\"#000000\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Pad + bar.Pixels / 2)}\" y=\"{N(by - 6)}\" width=\"{N(bar.Pixels / 2)}\" height=\"5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Pad)}\" y=\"{N(by - 6)}\" width=\"{N(bar.Pixels)}\" height=\"5\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Pad)}\" y=\"{N(by - 10)}\">0</text><text x=\"{N(Pad + bar.Pixels)}\" y=\"{N(by - 10)}\" text-anchor=\"middle\">{E(bar.Label)}</text></g>");

        // Legend in two columns under the map; every colour is named, and the markers differ in shape as well.
        var top = mapHeight + 16;
        svg.Append("<g data-laag=\"legenda\">");
        for (var i = 0; i < legend.Count; i++)
        {
            var x = Pad + (i / legendRows) * (width / 2);
            var y = top + (i % legendRows) * LegendLine;
            svg.Append(legend[i].Symbol(x + 8, y + 7)).Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 22)}\" y=\"{N(y + 11)}\">{E(legend[i].Text)}</text>");
        }
        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Pad)}\" y=\"{N(height - 6)}\" font-size=\"10\" fill=\"#404040\">Bron: CBS/Kadaster</text>");
        svg.Append("</svg>");

        return new ReportMap(Id, Title(f), AltText(f, shapes.Count, locations.Count, steunpunten.Count), svg.ToString(), height / width, Source);
    }

    private static string Title(FotoData f) => $"{f.Gemeente.Name}: buurten naar kwetsbaarheid, kwetsbare locaties en noodsteunpunten";

    private static string AltText(FotoData f, int buurten, int locations, int steunpunten)
    {
        var classes = f.Vulnerability is { } v
            ? string.Join(", ", FotoData.ClassColours.Select(c => $"{Format.Number(v.Buurten.Count(b => b.Class == c.Class))} {VulnerabilityIndex.ClassLabel(c.Class).ToLowerInvariant()}"))
            : "geen index berekend";
        var located = f.Locations is null ? "" : $", {Format.Number(locations)} kwetsbare locaties";
        return $"Kaart van {f.Gemeente.Name} met de gemeentegrens en {Format.Number(buurten)} buurten gekleurd naar kwetsbaarheidsklasse ({classes}){located} "
            + $"en {Format.Number(steunpunten)} noodsteunpunten. De tabellen in dit document geven dezelfde gegevens.";
    }

    private sealed record LegendItem(string Text, Func<double, double, string> Symbol);

    private static List<LegendItem> Legend(FotoData f, bool locations)
    {
        var items = FotoData.ClassColours.Select(c => new LegendItem($"Kwetsbaarheid {c.Class}: {VulnerabilityIndex.ClassLabel(c.Class).ToLowerInvariant()}", (x, y) => Swatch(x, y, c.Colour))).ToList();
        items.Add(new LegendItem("Geen index", (x, y) => Swatch(x, y, NoIndex)));
        if (locations)
        {
            items.Add(new LegendItem("Kwetsbare locatie (register)", LocationMarker));
        }
        items.Add(new LegendItem("Noodsteunpunt", SteunpuntMarker));
        items.Add(new LegendItem("Gemeentegrens", (x, y) => $"<line x1=\"{N(x - 8)}\" y1=\"{N(y)}\" x2=\"{N(x + 8)}\" y2=\"{N(y)}\" stroke=\"{Outline}\" stroke-width=\"2\"/>"));
        if (f.Geometries.Count < f.SelfReliance.Buurten.Count)
        {
            items.Add(new LegendItem("Buurt zonder grens: cirkel naar inwoners", (x, y) => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"6\" fill=\"#ffffff\" stroke=\"#333333\"/>"));
        }
        return items;
    }

    private static string Swatch(double x, double y, string colour)
        => $"<rect x=\"{N(x - 8)}\" y=\"{N(y - 7)}\" width=\"16\" height=\"14\" fill=\"{colour}\" stroke=\"#333333\" stroke-width=\"0.6\"/>";

    // White disc with a black ring and dot, and a blue square with a white border: told apart without colour too.
    private static string LocationMarker(double x, double y)
        => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"1.6\" fill=\"#000000\"/>";

    private static string SteunpuntMarker(double x, double y)
        => $"<rect x=\"{N(x - 6)}\" y=\"{N(y - 6)}\" width=\"12\" height=\"12\" fill=\"{Steunpunt}\" stroke=\"#ffffff\" stroke-width=\"2\"/><rect x=\"{N(x - 7)}\" y=\"{N(y - 7)}\" width=\"14\" height=\"14\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>";

    private static string Fill(int? cls) => cls is { } c ? FotoData.ClassColours.First(x => x.Class == c).Colour : NoIndex;

    private static string Label(Shape s) => $"{s.Name}: {(s.Class is { } c ? "kwetsbaarheid " + VulnerabilityIndex.ClassLabel(c).ToLowerInvariant() : "geen index")}";

    internal static string Path(MapProjection projection, List<List<(double Lat, double Lon)>> rings)
    {
        var d = new StringBuilder();
        foreach (var ring in rings)
        {
            (double X, double Y)? last = null;
            foreach (var (lat, lon) in ring)
            {
                var (x, y) = projection.ToPixel(lat, lon);
                // Points closer than a third of a pixel add nothing to the drawing.
                if (last is { } l && Math.Abs(l.X - x) < 0.33 && Math.Abs(l.Y - y) < 0.33)
                {
                    continue;
                }
                d.Append(last is null ? 'M' : 'L').Append(N(x)).Append(' ').Append(N(y)).Append(' ');
                last = (x, y);
            }
            d.Append("Z ");
        }
        return d.ToString().TrimEnd();
    }

    /// <summary>The rings of a GeoJSON Polygon or MultiPolygon (longitude, latitude), a Feature's geometry included; none for a Point.</summary>
    internal static List<List<(double Lat, double Lon)>> Rings(string geoJson)
    {
        var rings = new List<List<(double, double)>>();
        using var doc = JsonDocument.Parse(geoJson);
        var geometry = doc.RootElement;
        if (geometry.TryGetProperty("geometry", out var inner))
        {
            geometry = inner;
        }
        if (!geometry.TryGetProperty("type", out var type) || !geometry.TryGetProperty("coordinates", out var coordinates))
        {
            return rings;
        }
        void Polygon(JsonElement polygon)
        {
            foreach (var ring in polygon.EnumerateArray())
            {
                rings.Add([.. ring.EnumerateArray().Select(p => (p[1].GetDouble(), p[0].GetDouble()))]);
            }
        }
        switch (type.GetString())
        {
            case "Polygon":
                Polygon(coordinates);
                break;
            case "MultiPolygon":
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    Polygon(polygon);
                }
                break;
        }
        return rings;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
