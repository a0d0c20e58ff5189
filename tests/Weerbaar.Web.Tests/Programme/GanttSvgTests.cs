using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Programme;
using Weerbaar.Web.Features.Programme.Planning;
using static Weerbaar.Web.Tests.Programme.PlanningSeed;

namespace Weerbaar.Web.Tests.Programme;

/// <summary>The Gantt SVG on its own: where the bars, the deadline and the today line fall on the axis.</summary>
public sealed class GanttSvgTests
{
    private static readonly MeasuresCatalogue Catalogue = MeasuresCatalogue.LoadNewest();

    private static PlanningView View(params ProgrammeAction[] actions)
    {
        var programme = NewProgramme("GM0001", new DateOnly(2027, 1, 1), 1);
        var result = ProgrammePlanning.Compute(programme, actions);
        var byKey = result.Schedule!.Actions.ToDictionary(s => s.Action.Id);
        var rows = actions.Select(a => new PlannedAction(a, byKey[ProgrammePlanningResult.Key(a.Number)])).ToList();
        return new PlanningView(new GemeenteInfo("GM0001", "Testgemeente", "PV00", "P", "VR00", "R", 1000, null, 1), new ProgrammeView(programme, actions), result, rows, Catalogue);
    }

    [Fact]
    public void A_bar_spans_its_days_on_the_month_axis_and_the_today_line_is_drawn_only_inside_the_range()
    {
        // One action from 1 January through 31 January 2027: the axis runs from 1 January to 1 February (31 days) over
        // x = 300 … 984, so the bar fills the whole plot: x 300, width 684, and the deadline post sits at 984 − 1.5.
        var view = View(NewAction("GM0001", 1, "Een maand werk", "EC", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)));
        var svg = GanttSvg.Build(view, new DateOnly(2027, 1, 16));
        Assert.Contains("<rect x=\"300\" y=\"73\" width=\"684\" height=\"14\" fill=\"url(#gantt-kritiek)\"", svg, StringComparison.Ordinal);
        Assert.Contains("<rect x=\"982.5\" y=\"69\" width=\"3\" height=\"22\"", svg, StringComparison.Ordinal);
        // Today, 16 January, is drawn in the middle of its day: 300 + 15.5 / 31 × 684 = 642.
        Assert.Contains("<line x1=\"642\" x2=\"642\"", svg, StringComparison.Ordinal);
        Assert.Contains(">vandaag</text>", svg, StringComparison.Ordinal);
        Assert.Contains("Vandaag is 16 januari 2027.", svg, StringComparison.Ordinal);

        var before = GanttSvg.Build(view, new DateOnly(2026, 12, 3));
        Assert.DoesNotContain(">vandaag</text>", before, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(before, "<title "));
    }

    [Fact]
    public void User_text_is_escaped_and_long_titles_are_shortened()
    {
        var view = View(NewAction("GM0001", 1, "<script>alert('x')</script> & een hele lange titel die niet past", "EC", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 10)));
        var svg = GanttSvg.Build(view, new DateOnly(2027, 1, 1));
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("…</text>", svg, StringComparison.Ordinal);
    }
}
