using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DC = DocumentFormat.OpenXml.Drawing.Charts;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>
/// A figure's chart as a native Word chart (DrawingML chart part with the data as literals): stacked bars as 100%
/// horizontal bars per answer category, bars as clustered horizontal bars, the quadrant as a scatter chart.
/// Suppressed values are left out of the series (a gap); the table below the chart shows them as "&lt;5".
/// </summary>
internal static class DocxCharts
{
    /// <summary>ColorBrewer Blues, 5 classes (colour-blind safe), light to dark.</summary>
    public static readonly string[] Blues = ["EFF3FF", "BDD7E7", "6BAED6", "3182BD", "08519C"];

    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace Dml = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const long EmuPerInch = 914400;
    private const uint BarAxis = 1001, ValueAxis = 1002;

    public static void Append(DocxBody body, ReportFigure figure)
    {
        var (plot, legend, rows) = figure.Chart switch
        {
            StackedBarReportChart s => (StackedBars(s), true, s.Rows.Count),
            BarReportChart b => (Bars(b), false, b.Bars.Count),
            QuadrantReportChart q => (Quadrant(q), false, 12),
            _ => throw new NotSupportedException($"No Word chart for {figure.Chart.GetType().Name}."),
        };
        var part = body.Main.AddNewPart<ChartPart>();
        using (var stream = part.GetStream(FileMode.Create))
        {
            Space(plot, legend).Save(stream);
        }

        var width = ReportDocx.TextWidth * 635L; // twentieths of a point to EMU
        var height = Math.Clamp((long)(EmuPerInch * (0.6 + 0.32 * rows + (legend ? 0.5 : 0))), 2 * EmuPerInch, 8 * EmuPerInch);
        var id = body.NextDrawingId();
        var inline = new Wp.Inline(
            new Wp.Extent { Cx = width, Cy = height },
            new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Wp.DocProperties { Id = id, Name = $"Figuur {figure.Number}", Title = figure.Title, Description = figure.Description },
            new Wp.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new DC.ChartReference { Id = body.Main.GetIdOfPart(part) })
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        var paragraph = body.Add(null, new Run(new Drawing(inline)));
        paragraph.ParagraphProperties = new ParagraphProperties(new KeepNext());
    }

    private static XDocument Space(XElement plot, bool legend) => new(new XElement(C + "chartSpace",
        new XAttribute(XNamespace.Xmlns + "c", C), new XAttribute(XNamespace.Xmlns + "a", Dml),
        Val("date1904", "0"), Val("lang", DocxStyles.Language), Val("roundedCorners", "0"),
        new XElement(C + "chart",
            Val("autoTitleDeleted", "1"),
            plot,
            legend ? new XElement(C + "legend", Val("legendPos", "b"), Val("overlay", "0")) : null,
            Val("plotVisOnly", "1"),
            Val("dispBlanksAs", "gap")),
        new XElement(C + "txPr", new XElement(Dml + "bodyPr"), new XElement(Dml + "lstStyle"),
            new XElement(Dml + "p", new XElement(Dml + "pPr", new XElement(Dml + "defRPr", new XAttribute("sz", 900))),
                new XElement(Dml + "endParaRPr", new XAttribute("lang", DocxStyles.Language))))));

    private static XElement StackedBars(StackedBarReportChart chart)
    {
        var labels = chart.Rows.Select(r => r.Label).ToList();
        var series = chart.Categories.Select((category, j) => Series(j, category, Colour(j, chart.Categories.Count), labels,
            chart.Rows.Select(r => r.Percentages is { } p && j < p.Count ? p[j] : (double?)null).ToList()));
        return new XElement(C + "plotArea", new XElement(C + "layout"),
            new XElement(C + "barChart", Val("barDir", "bar"), Val("grouping", "percentStacked"), Val("varyColors", "0"),
                series, Val("gapWidth", "60"), Val("overlap", "100"), Val("axId", BarAxis), Val("axId", ValueAxis)),
            CategoryAxis(), ValueAxisElement("0%", max: null));
    }

    private static XElement Bars(BarReportChart chart)
    {
        var labels = chart.Bars.Select(b => b.Label).ToList();
        var series = Series(0, chart.Unit, DocxStyles.Accent, labels, chart.Bars.Select(b => b.Value).ToList(), valueLabels: true);
        return new XElement(C + "plotArea", new XElement(C + "layout"),
            new XElement(C + "barChart", Val("barDir", "bar"), Val("grouping", "clustered"), Val("varyColors", "0"),
                series, Val("gapWidth", "60"), Val("axId", BarAxis), Val("axId", ValueAxis)),
            CategoryAxis(), ValueAxisElement("General", chart.Max));
    }

    /// <summary>Score on X, rank on Y with 1 at the top; one series per pillar so its code labels the point; gaps are diamonds.</summary>
    private static XElement Quadrant(QuadrantReportChart chart)
    {
        var series = chart.Points.Select((p, i) => new XElement(C + "ser", Val("idx", i), Val("order", i),
            new XElement(C + "tx", new XElement(C + "v", p.Code)),
            new XElement(C + "spPr", new XElement(Dml + "ln", new XAttribute("w", 19050), new XElement(Dml + "noFill"))),
            new XElement(C + "marker", Val("symbol", p.Gap ? "diamond" : "circle"), Val("size", p.Gap ? 10 : 7),
                new XElement(C + "spPr", Fill(p.Gap ? DocxStyles.Accent : "FFFFFF"), Line(DocxStyles.Accent))),
            new XElement(C + "dLbls", Val("dLblPos", "r"), Val("showLegendKey", "0"), Val("showVal", "0"), Val("showCatName", "0"),
                Val("showSerName", "1"), Val("showPercent", "0"), Val("showBubbleSize", "0")),
            new XElement(C + "xVal", Numbers([p.Score])),
            new XElement(C + "yVal", Numbers([p.Rank])),
            Val("smooth", "0")));
        var maxRank = Math.Max(chart.Points.Count, chart.Points.Select(p => Math.Ceiling(p.Rank)).DefaultIfEmpty(1).Max());
        return new XElement(C + "plotArea", new XElement(C + "layout"),
            new XElement(C + "scatterChart", Val("scatterStyle", "lineMarker"), Val("varyColors", "0"), series,
                Val("axId", BarAxis), Val("axId", ValueAxis)),
            new XElement(C + "valAx", Val("axId", BarAxis),
                new XElement(C + "scaling", Val("orientation", "minMax")),
                Val("delete", "0"), Val("axPos", "b"), Gridlines(), AxisTitle("Gemiddelde score"),
                NumberFormat("0.0"), Val("majorTickMark", "out"), Val("minorTickMark", "none"), Val("tickLblPos", "nextTo"),
                Val("crossAx", ValueAxis), Val("crosses", "max"), Val("crossBetween", "midCat")),
            new XElement(C + "valAx", Val("axId", ValueAxis),
                new XElement(C + "scaling", Val("orientation", "maxMin"), Val("max", maxRank), Val("min", 1)),
                Val("delete", "0"), Val("axPos", "l"), Gridlines(), AxisTitle("Gemiddelde rang (1 = hoogste prioriteit)"),
                NumberFormat("0"), Val("majorTickMark", "out"), Val("minorTickMark", "none"), Val("tickLblPos", "nextTo"),
                Val("crossAx", BarAxis), Val("crosses", "autoZero"), Val("crossBetween", "midCat"), Val("majorUnit", 1)));
    }

    private static XElement Series(int index, string name, string colour, List<string> labels, List<double?> values, bool valueLabels = false)
        => new(C + "ser", Val("idx", index), Val("order", index),
            new XElement(C + "tx", new XElement(C + "v", name)),
            new XElement(C + "spPr", Fill(colour), Line("767676")),
            Val("invertIfNegative", "0"),
            valueLabels
                ? new XElement(C + "dLbls", NumberFormat("0.0"), Val("dLblPos", "outEnd"), Val("showLegendKey", "0"), Val("showVal", "1"),
                    Val("showCatName", "0"), Val("showSerName", "0"), Val("showPercent", "0"), Val("showBubbleSize", "0"))
                : null,
            new XElement(C + "cat", new XElement(C + "strLit", Val("ptCount", labels.Count),
                labels.Select((l, i) => new XElement(C + "pt", new XAttribute("idx", i), new XElement(C + "v", l))))),
            new XElement(C + "val", Numbers(values)));

    /// <summary>A number literal; a null (suppressed) value has no point, so the chart shows a gap.</summary>
    private static XElement Numbers(List<double?> values) => new(C + "numLit",
        new XElement(C + "formatCode", "General"), Val("ptCount", values.Count),
        values.Select((v, i) => v is { } x ? new XElement(C + "pt", new XAttribute("idx", i), new XElement(C + "v", x.ToString("R", CultureInfo.InvariantCulture))) : null));

    /// <summary>Categories top to bottom in table order: the axis runs max to min and the value axis crosses at the bottom.</summary>
    private static XElement CategoryAxis() => new(C + "catAx", Val("axId", BarAxis),
        new XElement(C + "scaling", Val("orientation", "maxMin")),
        Val("delete", "0"), Val("axPos", "l"), NumberFormat("General"), Val("majorTickMark", "none"), Val("minorTickMark", "none"),
        Val("tickLblPos", "nextTo"), Val("crossAx", ValueAxis), Val("crosses", "autoZero"), Val("auto", "1"), Val("lblAlgn", "ctr"),
        Val("lblOffset", 100), Val("noMultiLvlLbl", "0"));

    private static XElement ValueAxisElement(string format, double? max) => new(C + "valAx", Val("axId", ValueAxis),
        new XElement(C + "scaling", Val("orientation", "minMax"), max is { } m && m > 0 ? Val("max", m) : null, Val("min", 0)),
        Val("delete", "0"), Val("axPos", "b"), Gridlines(), NumberFormat(format), Val("majorTickMark", "out"), Val("minorTickMark", "none"),
        Val("tickLblPos", "nextTo"), Val("crossAx", BarAxis), Val("crosses", "max"), Val("crossBetween", "between"));

    private static string Colour(int index, int count) => count switch
    {
        <= 1 => Blues[4],
        <= 5 => Blues[(int)Math.Round(index * 4.0 / (count - 1))],
        _ => Blues[index % Blues.Length],
    };

    private static XElement Val(string name, object value) => new(C + name,
        new XAttribute("val", value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : value.ToString()!));

    private static XElement NumberFormat(string code) => new(C + "numFmt", new XAttribute("formatCode", code), new XAttribute("sourceLinked", 0));

    private static XElement Fill(string colour) => new(Dml + "solidFill", new XElement(Dml + "srgbClr", new XAttribute("val", colour)));

    private static XElement Line(string colour) => new(Dml + "ln", new XAttribute("w", 6350), Fill(colour));

    private static XElement Gridlines() => new(C + "majorGridlines", new XElement(C + "spPr", Line("D9D9D9")));

    private static XElement AxisTitle(string text) => new(C + "title",
        new XElement(C + "tx", new XElement(C + "rich", new XElement(Dml + "bodyPr"), new XElement(Dml + "lstStyle"),
            new XElement(Dml + "p", new XElement(Dml + "pPr", new XElement(Dml + "defRPr", new XAttribute("sz", 900), new XAttribute("b", 0))),
                new XElement(Dml + "r", new XElement(Dml + "rPr", new XAttribute("lang", DocxStyles.Language), new XAttribute("sz", 900), new XAttribute("b", 0)),
                    new XElement(Dml + "t", text))))),
        Val("overlay", "0"));
}
