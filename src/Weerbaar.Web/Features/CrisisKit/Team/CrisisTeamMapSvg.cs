using System.Globalization;
using Weerbaar.Analysis.Geo;
using Weerbaar.Web.Features.Foto;
using Weerbaar.Web.Features.Scan.Report;
using static Weerbaar.Web.Features.CrisisKit.PackSvg;

namespace Weerbaar.Web.Features.CrisisKit.Team;

/// <summary>
/// All noodsteunpunten of a gemeente on one map for the crisis team, readable in greyscale: each buurt is joined to its
/// nearest noodsteunpunt by a thin line (its catchment), buurten beyond the norm distance are hatched, and each point
/// carries its number from the pack's table; vulnerable locations only in the edition with the register.
/// </summary>
public static class CrisisTeamMapSvg
{
    public const string Id = "kaart-crisisteam";

    /// <returns>Null when neither a buurt nor a noodsteunpunt has a location.</returns>
    public static ReportMap? For(CrisisTeamPackContent p)
    {
        var shapes = p.Buurten.Select(b => (b, rings: b.GeoJson is { } g ? FotoMapSvg.Rings(g) : [])).ToList();
        var points = p.Points.Where(x => x.Latitude is not null && x.Longitude is not null).ToList();
        var locations = (p.Locations ?? []).Select(l => l.Location).Where(l => l.Latitude is not null && l.Longitude is not null).ToList();
        var all = new List<(double, double)>();
        all.AddRange(shapes.SelectMany(s => s.rings.Count > 0 ? s.rings.SelectMany(r => r)
            : s.b.Latitude is { } bl && s.b.Longitude is { } bo ? [(bl, bo)] : []));
        all.AddRange(points.Select(x => (x.Latitude!.Value, x.Longitude!.Value)));
        all.AddRange(locations.Select(l => (l.Latitude!.Value, l.Longitude!.Value)));
        if (all.Count == 0)
        {
            return null;
        }
        var projection = new MapProjection(all.Min(x => x.Item1), all.Min(x => x.Item2), all.Max(x => x.Item1), all.Max(x => x.Item2), Box, Box, Pad);
        var legend = new List<(string Symbol, string Text)>
        {
            ("<rect x=\"0\" y=\"0\" width=\"16\" height=\"14\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"0.8\"/>", $"Buurt binnen {M(p.Coverage.NormMeters)} over de weg van zijn noodsteunpunt"),
            ("<rect x=\"0\" y=\"0\" width=\"16\" height=\"14\" fill=\"url(#buiten)\" stroke=\"#000000\" stroke-width=\"0.8\"/>", "Buurt verder weg (buiten de norm)"),
            ("<line x1=\"0\" y1=\"7\" x2=\"16\" y2=\"7\" stroke=\"#595959\" stroke-width=\"1\"/>", "Lijn: buurt hoort bij het dichtstbijzijnde noodsteunpunt"),
            ("<rect x=\"0\" y=\"0\" width=\"16\" height=\"14\" fill=\"#000000\"/><text x=\"8\" y=\"11\" text-anchor=\"middle\" font-size=\"10\" fill=\"#ffffff\">1</text>", "Noodsteunpunt met zijn nummer in de tabel"),
        };
        if (locations.Count > 0)
        {
            legend.Add((LocationSymbol, "Kwetsbare locatie"));
        }
        var height = Height(projection, legend.Count);
        var title = $"{p.Gemeente.Name}: noodsteunpunten en hun verzorgingsgebieden";
        var outside = p.Buurten.Count(b => b.Point is not null && !b.WithinNorm);
        var alt = $"Kaart van {p.Gemeente.Name} met {p.Points.Count} noodsteunpunten, genummerd als in de tabel, en {p.Buurten.Count} buurten, "
            + $"elk met een lijn naar het dichtstbijzijnde noodsteunpunt; {outside} buurten liggen buiten de normafstand"
            + (locations.Count > 0 ? $"; {locations.Count} kwetsbare locaties." : ".") + " De tabellen geven dezelfde gegevens.";

        var svg = Open(Id, projection, height, title, alt, Hatch);
        foreach (var (b, rings) in shapes)
        {
            var fill = b.Point is not null && !b.WithinNorm ? "url(#buiten)" : "#ffffff";
            if (rings.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path data-buurt=\"{E(b.Code)}\" d=\"{FotoMapSvg.Path(projection, rings)}\" fill=\"{fill}\" fill-rule=\"evenodd\" stroke=\"#000000\" stroke-width=\"0.6\"><title>{E(b.Name)}</title></path>");
            }
            else if (b.Latitude is { } bl && b.Longitude is { } bo)
            {
                var (x, y) = projection.ToPixel(bl, bo);
                svg.Append(CultureInfo.InvariantCulture, $"<circle data-buurt=\"{E(b.Code)}\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5\" fill=\"{fill}\" stroke=\"#000000\" stroke-width=\"0.6\"><title>{E(b.Name)}</title></circle>");
            }
        }
        var byNumber = points.ToDictionary(x => x.Number);
        svg.Append("<g data-laag=\"verzorgingsgebied\" stroke=\"#595959\" stroke-width=\"1\">");
        foreach (var b in p.Buurten)
        {
            if (b.Point is { } n && byNumber.TryGetValue(n, out var point) && b.Latitude is { } bl && b.Longitude is { } bo)
            {
                var (x1, y1) = projection.ToPixel(bl, bo);
                var (x2, y2) = projection.ToPixel(point.Latitude!.Value, point.Longitude!.Value);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");
            }
        }
        svg.Append("</g>");
        foreach (var l in locations)
        {
            var (x, y) = projection.ToPixel(l.Latitude!.Value, l.Longitude!.Value);
            svg.Append(Location(x, y, l.Name));
        }
        foreach (var point in points)
        {
            var (x, y) = projection.ToPixel(point.Latitude!.Value, point.Longitude!.Value);
            var label = point.Number.ToString(CultureInfo.InvariantCulture);
            var w = 8 + 6.5 * label.Length;
            svg.Append(CultureInfo.InvariantCulture, $"<g data-laag=\"noodsteunpunt\" data-nummer=\"{point.Number}\"><title>{point.Number}. {E(point.Name)}</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x - w / 2)}\" y=\"{N(y - 8)}\" width=\"{N(w)}\" height=\"16\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y + 4)}\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">{label}</text></g>");
        }
        return new ReportMap(Id, title, alt, Close(svg, projection, height, legend), height / Width, PackMapSvg.Source);
    }
}
