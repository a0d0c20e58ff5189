using System.Globalization;
using System.Net;
using System.Text;
using Weerbaar.Analysis.Geo;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>The frame every crisis-kit map shares: the svg element with its title and description, the scale bar, the legend and the source line.</summary>
internal static class PackSvg
{
    public const double Box = 600, Pad = 12, LegendLine = 22;
    public const string Hatch = "<pattern id=\"buiten\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#767676\" stroke-width=\"2\"/></pattern>";
    private const string Font = "font-family=\"'Noto Sans', 'Liberation Sans', Arial, sans-serif\"";

    public static double Width => Box + 2 * Pad;

    public static double Height(MapProjection projection, int legendRows) => projection.Height + 16 + legendRows * LegendLine + 20;

    /// <summary>Opens the svg (white background, pattern definitions) and the map group, centred.</summary>
    public static StringBuilder Open(string id, MapProjection projection, double height, string title, string alt, string defs)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-map\" viewBox=\"0 0 {N(Width)} {N(height)}\" width=\"{N(Width)}\" height=\"{N(height)}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-uitleg\" {Font} font-size=\"12\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titel\">{E(title)}</title><desc id=\"{id}-uitleg\">{E(alt)}</desc>")
            .Append("<defs>").Append(defs).Append("</defs>")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{N(Width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/><g transform=\"translate({N((Width - projection.Width) / 2)} 0)\">");
        return svg;
    }

    /// <summary>Closes the map group, then draws the scale bar, the legend (one row each) and the source.</summary>
    public static string Close(StringBuilder svg, MapProjection projection, double height, IReadOnlyList<(string Symbol, string Text)> legend)
    {
        svg.Append("</g>");
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
        return svg.ToString();
    }

    public const string LocationSymbol = "<circle cx=\"8\" cy=\"7\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/><circle cx=\"8\" cy=\"7\" r=\"1.6\" fill=\"#000000\"/>";

    public static string Location(double x, double y, string name)
        => string.Create(CultureInfo.InvariantCulture, $"<g data-laag=\"locatie\"><title>{E(name)}</title><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/><circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"1.6\" fill=\"#000000\"/></g>");

    public static string M(double metres) => metres >= 1000 ? $"{Shared.Format.Number(metres / 1000, 1)} km" : $"{Shared.Format.Number(metres, 0)} m";

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string E(string text) => WebUtility.HtmlEncode(text);
}
