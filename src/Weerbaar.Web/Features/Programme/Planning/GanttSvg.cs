using System.Globalization;
using System.Net;
using System.Text;

namespace Weerbaar.Web.Features.Programme.Planning;

/// <summary>
/// The Gantt chart as one inline SVG string, built in one pass (a programme can have hundreds of actions, so no component
/// per bar). It is an image with a title and a description; the table under it on the page holds the same data.
/// Critical bars are hatched with a black outline, so they differ from the others without colour.
/// </summary>
public static class GanttSvg
{
    public const string Id = "gantt";
    private const double Width = 1000;
    private const double LabelWidth = 300;
    private const double RightPad = 16;
    private const double AxisHeight = 44;
    private const double RowHeight = 24;
    private const double BarInset = 5;
    private const int LabelChars = 44;
    /// <summary>Text 17:1, bars 6:1, axis 8.7:1, today 7:1 against white (WCAG 1.4.3 and 1.4.11); grid lines are decoration.</summary>
    private const string TextColour = "#1a1a1a";
    private const string BarColour = "#01689b";
    private const string AxisColour = "#4b4b4b";
    private const string GridColour = "#d8d8d8";
    private const string GroupBand = "#f3f3f3";
    private const string TodayColour = "#a90061";

    public static string Build(PlanningView view, DateOnly today)
    {
        var rows = view.Rows;
        var schedule = view.Result.Schedule!;
        var start = schedule.ProgrammeStart;
        var last = new[] { schedule.ProjectEndDate }
            .Concat(rows.Select(r => r.Action.Deadline))
            .Concat(rows.SelectMany(r => r.Action.Milestones.Select(m => m.Date)))
            .Max();
        var first = new[] { start }.Concat(rows.SelectMany(r => r.Action.Milestones.Select(m => m.Date))).Min();
        var from = new DateOnly(first.Year, first.Month, 1);
        var to = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        var span = (double)(to.DayNumber - from.DayNumber);
        double X(DateOnly day) => LabelWidth + ((day.DayNumber - from.DayNumber) / span * (Width - LabelWidth - RightPad));

        // Layout: a header line per pillar, then its actions.
        var y = AxisHeight;
        var rowY = new Dictionary<int, double>();
        var groups = new List<(string Name, double Y)>();
        string? pillar = null;
        foreach (var r in rows)
        {
            if (r.Action.Pillar != pillar)
            {
                pillar = r.Action.Pillar;
                groups.Add((view.PillarName(pillar), y));
                y += RowHeight;
            }
            rowY[r.Action.Number] = y;
            y += RowHeight;
        }
        var height = y + 8;
        var critical = rows.Count(r => r.Schedule.IsCritical);

        var svg = new StringBuilder(512 + (rows.Count * 700));
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"{Id}-titel\" aria-describedby=\"{Id}-beschrijving\" viewBox=\"0 0 {N(Width)} {N(height)}\" xmlns=\"http://www.w3.org/2000/svg\" focusable=\"false\" font-family=\"inherit\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id}-titel\">Planning van {E(view.Gemeente.Name)}: {rows.Count} acties van {PlanningFormat.Date(schedule.ProgrammeStart)} tot en met {PlanningFormat.Date(schedule.ProjectEndDate)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Id}-beschrijving\">{E(Description(view, today, critical))}</desc>");
        svg.Append("<defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<pattern id=\"{Id}-kritiek\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{BarColour}\"/><rect width=\"2.5\" height=\"6\" fill=\"#ffffff\"/></pattern>");
        svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"{Id}-pijl\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"{AxisColour}\"/></marker>");
        svg.Append("</defs>");

        foreach (var (name, gy) in groups)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{N(gy)}\" width=\"{N(Width)}\" height=\"{N(RowHeight)}\" fill=\"{GroupBand}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{N(gy + 16)}\" font-size=\"13\" font-weight=\"bold\" fill=\"{TextColour}\">{E(name)}</text>");
        }

        // Month axis: a grid line at every month; labels per month, per quarter or per year depending on the span.
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        var every = months <= 24 ? 1 : months <= 60 ? 3 : 12;
        for (var m = from; m < to; m = m.AddMonths(1))
        {
            var x = X(m);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" x2=\"{N(x)}\" y1=\"{N(AxisHeight - 6)}\" y2=\"{N(height - 8)}\" stroke=\"{GridColour}\" stroke-width=\"1\"/>");
            if ((m.Month - 1) % every == 0)
            {
                var mid = every == 12 ? x + 4 : (x + X(m.AddMonths(1))) / 2;
                var anchor = every == 12 ? "start" : "middle";
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(mid)}\" y=\"{N(AxisHeight - 10)}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"{TextColour}\">{(every == 12 ? m.Year.ToString(CultureInfo.InvariantCulture) : PlanningFormat.ShortMonth(m.Month))}</text>");
            }
            if (every < 12 && (m.Month == 1 || m == from))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + 2)}\" y=\"14\" font-size=\"12\" font-weight=\"bold\" fill=\"{TextColour}\">{m.Year}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(LabelWidth)}\" x2=\"{N(Width - RightPad)}\" y1=\"{N(AxisHeight - 6)}\" y2=\"{N(AxisHeight - 6)}\" stroke=\"{AxisColour}\" stroke-width=\"1.5\"/>");

        var byNumber = rows.ToDictionary(r => r.Action.Number);
        // Dependency arrows under the bars: from the predecessor's end along its row, then down (or up) onto the successor's start.
        foreach (var r in rows)
        {
            foreach (var d in r.Action.Dependencies)
            {
                if (!byNumber.TryGetValue(d.PredecessorNumber, out var predRow))
                {
                    continue;
                }
                var py = rowY[d.PredecessorNumber];
                var x1 = X(End(predRow));
                var x2 = X(r.Schedule.EarliestStartDate) + 3;
                var y1 = py + (RowHeight / 2);
                var sy = rowY[r.Action.Number];
                var y2 = sy > py ? sy + BarInset : sy + RowHeight - BarInset;
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(x1)},{N(y1)} H{N(Math.Max(x1 + 3, x2))} V{N(y2)}\" fill=\"none\" stroke=\"{AxisColour}\" stroke-width=\"1\" marker-end=\"url(#{Id}-pijl)\"/>");
            }
        }

        foreach (var r in rows)
        {
            var ry = rowY[r.Action.Number];
            var a = r.Action;
            var s = r.Schedule;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{N(ry + 16)}\" font-size=\"12\" fill=\"{TextColour}\">{E(Label(a))}</text>");
            if (s.Action.DurationDays == 0)
            {
                Diamond(svg, X(s.EarliestStartDate), ry + (RowHeight / 2), 6, filled: false, s.IsCritical);
            }
            else
            {
                var x = X(s.EarliestStartDate);
                var w = Math.Max(1.5, X(End(r)) - x);
                svg.Append(s.IsCritical
                    ? $"<rect x=\"{N(x)}\" y=\"{N(ry + BarInset)}\" width=\"{N(w)}\" height=\"{N(RowHeight - (2 * BarInset))}\" fill=\"url(#{Id}-kritiek)\" stroke=\"{TextColour}\" stroke-width=\"2\"/>"
                    : $"<rect x=\"{N(x)}\" y=\"{N(ry + BarInset)}\" width=\"{N(w)}\" height=\"{N(RowHeight - (2 * BarInset))}\" fill=\"{BarColour}\"/>");
            }
            // The deadline: a black post at the end of its day, taller than the bar.
            var dx = X(a.Deadline.AddDays(1));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(dx - 1.5)}\" y=\"{N(ry + 1)}\" width=\"3\" height=\"{N(RowHeight - 2)}\" fill=\"{TextColour}\"/>");
            foreach (var m in a.Milestones)
            {
                Diamond(svg, (X(m.Date) + X(m.Date.AddDays(1))) / 2, ry + (RowHeight / 2), 5.5, m.Reached, false);
            }
        }

        if (today >= from && today < to)
        {
            var tx = (X(today) + X(today.AddDays(1))) / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(tx)}\" x2=\"{N(tx)}\" y1=\"{N(AxisHeight - 22)}\" y2=\"{N(height - 8)}\" stroke=\"{TodayColour}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(tx + 3)}\" y=\"{N(AxisHeight - 24)}\" font-size=\"11\" font-weight=\"bold\" fill=\"{TodayColour}\">vandaag</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The start of the day after the last day of work.</summary>
    private static DateOnly End(PlannedAction r) => r.Schedule.ProgrammeStart.AddDays(r.Schedule.EarlyFinish);

    private static void Diamond(StringBuilder svg, double cx, double cy, double r, bool filled, bool critical)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{N(cx)},{N(cy - r)} L{N(cx + r)},{N(cy)} L{N(cx)},{N(cy + r)} L{N(cx - r)},{N(cy)} z\" fill=\"{(filled ? TextColour : "#ffffff")}\" stroke=\"{TextColour}\" stroke-width=\"{(critical ? "2.5" : "1.5")}\"/>");
    }

    private static string Label(ProgrammeAction a)
    {
        var text = $"{a.Label} {a.Title}";
        return text.Length <= LabelChars ? text : string.Concat(text.AsSpan(0, LabelChars - 1), "…");
    }

    private static string Description(PlanningView view, DateOnly today, int critical)
    {
        var schedule = view.Result.Schedule!;
        var misses = schedule.DeadlineMisses.Count;
        return $"Balkenschema per pijler: elke balk loopt van de vroegst mogelijke start tot het vroegst mogelijke einde. "
            + $"{critical} van de {view.Rows.Count} acties {(critical == 1 ? "is" : "zijn")} kritiek (gearceerd met zwarte rand). "
            + (misses == 0 ? "Alle acties kunnen voor hun deadline klaar zijn. " : $"{misses} {(misses == 1 ? "actie haalt" : "acties halen")} de deadline niet. ")
            + $"Vandaag is {PlanningFormat.Date(today)}. De tabel onder de grafiek geeft dezelfde gegevens.";
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
