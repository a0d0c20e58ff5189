using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Weerbaar.Web.Features.Scan.Report;
using Weerbaar.Web.Features.Scan.Report.Exports;

namespace Weerbaar.Web.Tests.Scan;

/// <summary>The Word and Excel renderings of a hand-made report with every block kind, opened again with the Open XML SDK and MiniExcel.</summary>
public sealed class ReportExportRenderingTests
{
    private const string LongKey = "een-heel-lange-tabelsleutel-die-te-lang-is";

    internal static readonly ReportDocument Sample = new("Weerbaarheidsscan 2026", "Uitkomsten Weerbaarheidsscan 2026", "Landelijk beeld", new DateOnly(2026, 11, 23), 12,
    [
        new ReportHeading(1, "inleiding", "1. Inleiding"),
        new ReportParagraph("In totaal vulden 12 gemeenten de vragenlijst in."),
        new ReportNarrativeBlock("inleiding", "# Aanleiding\n\nTekst met **vet** en *cursief* en een [link](https://www.example.org).\n\n- een\n- twee\n\n1. eerste\n2. tweede\n\n## Doel\n\nNog een alinea."),
        new ReportHeading(2, "respons", "1.1 Respons"),
        new ReportList(["Eerste punt.", "Tweede punt."]),
        new ReportTable("respons", "Respons per provincie", ["Provincie", "n", "Percentage"],
        [
            ["Utrecht", new ReportCell("7", 7), new ReportCell("58,3%", 58.3)],
            ["Zeeland", "<5", "<5"],
            ["-gevaarlijk", new ReportCell("1.234", 1234), new ReportCell("0,5%", 0.5)],
        ], 12, "Provincies met minder dan 5 antwoorden zijn afgeschermd."),
        new ReportHeading(3, "details", "1.1.1 Details"),
        new ReportTable(LongKey, "=SOM(A1:A2)", ["@Kolom", "n"], [["+plus", new ReportCell("3", 3)]], null),
        new ReportTable(LongKey + "-twee", "Tweede lange sleutel", ["Vraag", "n"], [["A", new ReportCell("9", 9)]], 9),
        new ReportTable("[vreemd]:*?/\\", "Vreemde tekens", ["Vraag"], [["A"]], 9),
        new ReportHeading(1, "uitkomsten", "2. Uitkomsten"),
        new ReportFigure(1, "fig-bewustzijn", "Bewustzijn", "Verdeling van de antwoorden op B1 en B2.",
            new StackedBarReportChart(["Zeer oneens", "Oneens", "Neutraal", "Eens", "Zeer eens"],
            [
                new StackedBarReportRow("B1 Risico's bekend", [10, 20, 30, 25, 15]),
                new StackedBarReportRow("B2 Plan aanwezig", null),
            ]),
            new ReportTable("fig-bewustzijn", "Antwoorden op B1 en B2 (%)", ["Vraag", "Zeer oneens", "Oneens", "Neutraal", "Eens", "Zeer eens", "n"],
            [
                ["B1 Risico's bekend", new ReportCell("10,0", 10), new ReportCell("20,0", 20), new ReportCell("30,0", 30), new ReportCell("25,0", 25), new ReportCell("15,0", 15), new ReportCell("20", 20)],
                ["B2 Plan aanwezig", "<5", "<5", "<5", "<5", "<5", "<5"],
            ], 20)),
        new ReportFigure(2, "fig-scores", "Scores per pijler", "Gemiddelde score per pijler.",
            new BarReportChart([new BarReportItem("Economie", 6.5, "6,5"), new BarReportItem("Zorg", null, "<5")], 10, ""),
            new ReportTable("fig-scores", "Gemiddelde score", ["Pijler", "Score"], [["Economie", new ReportCell("6,5", 6.5)], ["Zorg", "<5"]], 20)),
        new ReportFigure(3, "fig-kwadrant", "Score en prioriteit", "Score tegen rang per pijler.",
            new QuadrantReportChart([new QuadrantReportPoint("EC", "Economie", 6.5, 1.5, true), new QuadrantReportPoint("ZR", "Zorg", 7.8, 4.25, false)]),
            new ReportTable("fig-kwadrant", "Score en rang per pijler", ["Pijler", "Score", "Rang"],
                [["EC", new ReportCell("6,5", 6.5), new ReportCell("1,5", 1.5)], ["ZR", new ReportCell("7,8", 7.8), new ReportCell("4,25", 4.25)]], 20)),
        new ReportQuotes("Samenwerking", ["We werken goed samen met de regio.", "Meer overleg nodig."]),
    ]);

    [Fact]
    public void Word_document_is_valid_with_headings_tables_charts_toc_and_page_numbers()
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(ReportDocx.Render(Sample)), false);
        var errors = new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 }
            .SelectMany(v => new OpenXmlValidator(v).Validate(package)).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var main = package.MainDocumentPart!;
        var body = main.Document!.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        string Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        Assert.Contains(paragraphs, p => Style(p) == "Title" && p.InnerText == Sample.Title);
        Assert.Contains(paragraphs, p => p.InnerText == "23 november 2026");
        Assert.Contains(paragraphs, p => Style(p) == "Heading1" && p.InnerText == "1. Inleiding");
        Assert.Contains(paragraphs, p => Style(p) == "Heading2" && p.InnerText == "1.1 Respons");
        Assert.Contains(paragraphs, p => Style(p) == "Heading3" && p.InnerText == "1.1.1 Details");
        Assert.Contains(paragraphs, p => Style(p) == "Heading2" && p.InnerText == "Aanleiding"); // Markdown # under a chapter
        Assert.Contains(paragraphs, p => Style(p) == "Heading3" && p.InnerText == "Doel");
        Assert.Contains(paragraphs, p => Style(p) == "Heading4" && p.InnerText == "Samenwerking");
        Assert.Contains(paragraphs, p => Style(p) == "Quote" && p.InnerText.Contains("samen met de regio", StringComparison.Ordinal));
        var runs = body.Descendants<Run>().ToList();
        Assert.Contains(runs, r => r.InnerText == "vet" && r.RunProperties?.Bold is not null);
        Assert.Contains(runs, r => r.InnerText == "cursief" && r.RunProperties?.Italic is not null);
        Assert.Contains(body.Descendants<Hyperlink>(), h => h.InnerText == "link" && main.HyperlinkRelationships.Single(r => r.Id == h.Id).Uri.ToString() == "https://www.example.org/");
        // Bullets (ReportList and Markdown) share list 1; the Markdown numbered list has its own instance.
        var listItems = paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(["een", "twee", "eerste", "tweede", "Eerste punt.", "Tweede punt."], listItems.Select(p => p.InnerText));
        Assert.NotEqual(listItems.Single(p => p.InnerText == "een").ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value,
            listItems.Single(p => p.InnerText == "eerste").ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value);

        // Heading styles with outline levels, Dutch as the document language.
        var styles = main.StyleDefinitionsPart!.Styles!;
        for (var level = 1; level <= 3; level++)
        {
            var heading = styles.Elements<Style>().Single(s => s.StyleId == $"Heading{level}");
            Assert.Equal(level - 1, heading.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }
        Assert.Equal("nl-NL", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value);
        var page = body.GetFirstChild<SectionProperties>() ?? body.Elements<SectionProperties>().Last();
        Assert.Equal((11906u, 16838u), (page.GetFirstChild<PageSize>()!.Width!.Value, page.GetFirstChild<PageSize>()!.Height!.Value));

        // Table of contents: the field, refreshed when Word opens the file, with links to the headings' bookmarks.
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o \"1-3\" \\h", StringComparison.Ordinal));
        Assert.True(main.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var tocLinks = body.Descendants<Hyperlink>().Where(h => h.Anchor is not null).Select(h => h.Anchor!.Value).ToList();
        Assert.Equal(["inleiding", "respons", "details", "uitkomsten"], tocLinks);
        Assert.All(tocLinks, a => Assert.Contains(a, bookmarks));

        // Footer: "Pagina X van Y".
        var footer = main.FooterParts.Select(f => f.Footer!).Single(f => f.InnerText.Contains("Pagina", StringComparison.Ordinal));
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));

        // Tables: repeating header row, captions above, suppressed cells as "<5", numbers right-aligned.
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(Sample.Tables.Count(), tables.Count);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
        var respons = tables[0];
        Assert.Equal("Tabel 1. Respons per provincie", Shown(respons.PreviousSibling<Paragraph>()!));
        Assert.Equal(["Provincie", "n", "Percentage"], respons.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        var zeeland = respons.Elements<TableRow>().ElementAt(2).Elements<TableCell>().ToList();
        Assert.Equal(["Zeeland", "<5", "<5"], zeeland.Select(c => c.InnerText));
        Assert.Equal(JustificationValues.Right, zeeland[1].Descendants<Justification>().Single().Val!.Value);
        Assert.Empty(zeeland[0].Descendants<Justification>());
        Assert.StartsWith("n = 12. Provincies met minder", respons.NextSibling<Paragraph>()!.InnerText, StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => Style(p) == "Caption" && Shown(p) == "Figuur 1. Bewustzijn");

        // One native chart per figure, in figure order, with its data.
        var charts = body.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>().Select(c => (ChartPart)main.GetPartById(c.Id!.Value!)).ToList();
        Assert.Equal(3, charts.Count);
        var stacked = charts[0].ChartSpace!;
        Assert.Equal("bar", stacked.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarDirection>().Single().Val!.InnerText);
        Assert.Equal("percentStacked", stacked.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarGrouping>().Single().Val!.InnerText);
        var series = stacked.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().ToList();
        Assert.Equal(["Zeer oneens", "Oneens", "Neutraal", "Eens", "Zeer eens"], series.Select(s => s.SeriesText!.InnerText));
        Assert.Equal(["EFF3FF", "BDD7E7", "6BAED6", "3182BD", "08519C"], series.Select(s => s.ChartShapeProperties!.GetFirstChild<DocumentFormat.OpenXml.Drawing.SolidFill>()!.RgbColorModelHex!.Val!.Value));
        var eens = series[3].Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().ToList();
        Assert.Equal([(0u, "25")], eens.Select(p => (p.Index!.Value, p.NumericValue!.Text))); // the suppressed row B2 has no point
        Assert.Equal(["B1 Risico's bekend", "B2 Plan aanwezig"], series[3].Descendants<DocumentFormat.OpenXml.Drawing.Charts.StringPoint>().Select(p => p.InnerText));
        Assert.NotNull(stacked.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Legend>().SingleOrDefault());

        var bars = charts[1].ChartSpace!;
        Assert.Equal("clustered", bars.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarGrouping>().Single().Val!.InnerText);
        Assert.Equal([(0u, "6.5")], bars.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericPoint>().Select(p => (p.Index!.Value, p.NumericValue!.Text)));
        Assert.Contains("Zorg", bars.InnerXml, StringComparison.Ordinal);

        var quadrant = charts[2].ChartSpace!;
        var points = quadrant.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ScatterChartSeries>().ToList();
        Assert.Equal(["EC", "ZR"], points.Select(p => p.SeriesText!.InnerText));
        Assert.Equal(["6.5", "1.5"], [points[0].GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.XValues>()!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericValue>().Single().Text, points[0].GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.YValues>()!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.NumericValue>().Single().Text]);
        Assert.All(points, p => Assert.True(p.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.DataLabels>()!.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.ShowSeriesName>()!.Val!.Value));
        var rankAxis = quadrant.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ValueAxis>().Single(a => a.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.AxisPosition>()!.Val!.InnerText == "l");
        Assert.Equal("maxMin", rankAxis.Scaling!.Orientation!.Val!.InnerText);

        // Alt text of the chart is the figure's description.
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(), d => d.Description == "Score tegen rang per pijler.");
    }

    /// <summary>The text a reader sees: field codes left out.</summary>
    private static string Shown(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    [Fact]
    public void Markdown_with_nested_lists_quotes_code_and_html_stays_valid()
    {
        var doc = new ReportDocument("R", "T", "S", new DateOnly(2026, 1, 2), 0,
        [
            new ReportNarrativeBlock("x", "- a\n  - b\n\n    tweede alinea\n- c\n\n3. drie\n4. vier\n\n> citaat met **nadruk**\n\n```\ncode()\n```\n\n<div>html</div>\n\nregel<br>met `code` en <https://example.org> en &amp;.\n\n---\n\n#### Diep"),
            new ReportNarrativeBlock("leeg", ""),
        ]);
        using var package = WordprocessingDocument.Open(new MemoryStream(ReportDocx.Render(doc)), false);
        Assert.Empty(new OpenXmlValidator().Validate(package).Select(e => e.Description));
        var paragraphs = package.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().ToList();
        var b = paragraphs.Single(p => p.InnerText == "b");
        Assert.Equal(1, b.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value);
        Assert.Null(paragraphs.Single(p => p.InnerText == "tweede alinea").ParagraphProperties!.NumberingProperties);
        var numbering = package.MainDocumentPart.NumberingDefinitionsPart!.Numbering!;
        var drie = paragraphs.Single(p => p.InnerText == "drie").ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        Assert.Equal(3, numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == drie).Descendants<StartOverrideNumberingValue>().Single().Val!.Value);
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Quote" && p.InnerText == "citaat met nadruk");
        Assert.Contains(paragraphs, p => p.InnerText == "code()");
        Assert.Contains(paragraphs, p => p.InnerText == "regelmet code en https://example.org en &.");
        Assert.DoesNotContain(paragraphs, p => p.InnerText.Contains("html", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.ParagraphProperties?.ParagraphStyleId?.Val == "Heading4" && p.InnerText == "Diep");
    }

    [Fact]
    public void Workbook_has_a_contents_sheet_and_one_sheet_per_table_with_caption_n_numbers_and_safe_text()
    {
        var bytes = ReportExcel.Render(Sample);
        var names = MiniExcel.GetSheetNames(new MemoryStream(bytes));
        var tables = Sample.Tables.ToList();
        Assert.Equal(tables.Count + 1, names.Count);
        Assert.Equal("Inhoud", names[0]);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
        Assert.All(names, n => Assert.True(n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["respons", LongKey[..31], LongKey[..27] + " (2)", "_vreemd______", "fig-bewustzijn", "fig-scores", "fig-kwadrant"], names.Skip(1));

        List<object?[]> Rows(string sheet) => MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray()).ToList();

        var contents = Rows("Inhoud");
        Assert.Equal(["Blad", "Tabel", "n"], contents[0]);
        Assert.Equal(new object?[] { "respons", "Respons per provincie", 12.0 }, contents[1]);
        Assert.Equal(new object?[] { LongKey[..31], "'=SOM(A1:A2)", "niet gepubliceerd" }, contents[2]);

        var respons = Rows("respons");
        Assert.Equal("Respons per provincie", respons[0][0]);
        Assert.Equal("n = 12", respons[1][0]);
        Assert.Equal("Provincies met minder dan 5 antwoorden zijn afgeschermd.", respons[2][0]);
        Assert.All(respons[3], Assert.Null);
        Assert.Equal(["Provincie", "n", "Percentage"], respons[4]);
        Assert.Equal(new object?[] { "Utrecht", 7.0, 58.3 }, respons[5]);
        Assert.Equal(new object?[] { "Zeeland", "<5", "<5" }, respons[6]);
        Assert.Equal(new object?[] { "'-gevaarlijk", 1234.0, 0.5 }, respons[7]);

        var unpublished = Rows(LongKey[..31]);
        Assert.Equal("'=SOM(A1:A2)", unpublished[0][0]);
        Assert.Equal("n niet gepubliceerd", unpublished[1][0]);
        Assert.Equal(["'@Kolom", "n"], unpublished[3]); // no note: caption, n, empty row, header
        Assert.Equal(new object?[] { "'+plus", 3.0 }, unpublished[4]);

        // No cell is a formula.
        using var spreadsheet = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(spreadsheet.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>()));
    }
}
