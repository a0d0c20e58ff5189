using System.Globalization;
using System.Text;
using Weerbaar.Analysis.Planning;
using Weerbaar.Web.Shared.Charts;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>
/// Planned against available FTE per month as one inline SVG: a bar per month, the available staff as a dashed line.
/// Months with more planned than available are hatched with a black outline (not colour alone). The page's table is the
/// accessible alternative.
/// </summary>
public static class CapacitySvg
{
    public const string Id = "capaciteit";
    private const double Width = 1000;
    private const double Left = 56;
    private const double Right = 12;
    private const double Top = 12;
    private const double PlotHeight = 260;
    private const double Bottom = 46;
    private const string TextColour = "#1a1a1a";
    private const string BarColour = "#01689b";
    private const string AxisColour = "#4b4b4b";
    private const string GridColour = "#d8d8d8";

    public static string Build(IReadOnlyList<MonthCapacity> months, string gemeenteName)
    {
        var max = months.Select(m => Math.Max(m.PlannedFte, m.AvailableFte)).DefaultIfEmpty(0).Max();
        var ticks = ChartScale.NiceTicks(max);
        var top = ticks[^1];
        var slot = (Width - Left - Right) / Math.Max(1, months.Count);
        double Y(double fte) => Top + PlotHeight - (PlotHeight * Math.Clamp(fte / top, 0, 1));
        var over = months.Count(m => m.IsOverAllocated);
        var svg = new StringBuilder(1024 + (months.Count * 400));
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"{Id}-titel\" aria-describedby=\"{Id}-beschrijving\" viewBox=\"0 0 {N(Width)} {N(Top + PlotHeight + Bottom)}\" xmlns=\"http://www.w3.org/2000/svg\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id}-titel\">Ingepland tegen beschikbaar personeel per maand, {System.Net.WebUtility.HtmlEncode(gemeenteName)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Id}-beschrijving\">Een staaf per maand met de ingeplande fte; de stippellijn is de beschikbare fte. {(over == 0 ? "In geen enkele maand is meer ingepland dan beschikbaar." : $"In {over} {(over == 1 ? "maand" : "maanden")} is meer ingepland dan beschikbaar (gearceerd met zwarte rand).")} De tabel onder de grafiek geeft dezelfde getallen.</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><pattern id=\"{Id}-te-veel\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{BarColour}\"/><rect width=\"2.5\" height=\"6\" fill=\"#ffffff\"/></pattern></defs>");
        foreach (var t in ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(t))}\" y2=\"{N(Y(t))}\" stroke=\"{GridColour}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Left - 6)}\" y=\"{N(Y(t) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{TextColour}\">{PlanningFormat.Number(t)}</text>");
        }
        var every = months.Count <= 24 ? 1 : months.Count <= 60 ? 3 : 12;
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            var x = Left + (i * slot);
            var barX = x + (slot * 0.15);
            var barW = slot * 0.7;
            var y = Y(m.PlannedFte);
            svg.Append(m.IsOverAllocated
                ? $"<rect x=\"{N(barX)}\" y=\"{N(y)}\" width=\"{N(barW)}\" height=\"{N(Top + PlotHeight - y)}\" fill=\"url(#{Id}-te-veel)\" stroke=\"{TextColour}\" stroke-width=\"2\"/>"
                : $"<rect x=\"{N(barX)}\" y=\"{N(y)}\" width=\"{N(barW)}\" height=\"{N(Top + PlotHeight - y)}\" fill=\"{BarColour}\"/>");
            var ay = Y(m.AvailableFte);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" x2=\"{N(x + slot)}\" y1=\"{N(ay)}\" y2=\"{N(ay)}\" stroke=\"{TextColour}\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>");
            if ((m.Month.Month - 1) % every == 0 || i == 0)
            {
                var label = every == 12 ? m.Month.Year.ToString(CultureInfo.InvariantCulture) : PlanningFormat.ShortMonth(m.Month.Month);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (slot / 2))}\" y=\"{N(Top + PlotHeight + 16)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{TextColour}\">{label}</text>");
            }
            if (every < 12 && (m.Month.Month == 1 || i == 0))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 2)}\" y=\"{N(Top + PlotHeight + 34)}\" font-size=\"12\" font-weight=\"bold\" fill=\"{TextColour}\">{m.Month.Year}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Top + PlotHeight)}\" y2=\"{N(Top + PlotHeight)}\" stroke=\"{AxisColour}\" stroke-width=\"1.5\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{N(Top + 4)}\" font-size=\"11\" fill=\"{TextColour}\">fte</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
