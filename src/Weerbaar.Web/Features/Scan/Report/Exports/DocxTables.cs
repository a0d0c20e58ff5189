using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Weerbaar.Analysis.Layout;
using Format = Weerbaar.Web.Shared.Format;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>A <see cref="ReportTable"/> as a Word table: header row repeated on every page, numbers right-aligned, n and note below.</summary>
internal static class DocxTables
{
    /// <summary>Table text is 10 pt (the TableText style); a cell has 85 twips of margin left and right.</summary>
    public const double FontSize = 10;
    public const int CellPadding = 2 * 85;

    /// <summary>What each column needs: the header's words in bold and every cell's words; a number (a cell with a value) never breaks.</summary>
    public static IReadOnlyList<ColumnNeed> Needs(ReportTable table)
    {
        var columns = ColumnCount(table);
        var needs = new ColumnNeed[columns];
        for (var c = 0; c < columns; c++)
        {
            var header = c < table.Columns.Count ? table.Columns[c] : "";
            var min = TextMeasure.LongestWord(header, FontSize, bold: true);
            var max = TextMeasure.Twips(header, FontSize, bold: true);
            foreach (var row in table.Rows)
            {
                if (c >= row.Count)
                {
                    continue;
                }
                var cell = row[c];
                min = Math.Max(min, TextMeasure.LongestWord(cell.Text, FontSize, whole: cell.Value is not null || c > 0 && cell.Text.Length <= 12 && cell.Text.Any(char.IsDigit)));
                max = Math.Max(max, TextMeasure.Twips(cell.Text, FontSize));
            }
            // A little room for a substitute font that runs wider than Calibri's metrics.
            needs[c] = new ColumnNeed(min * 1.04 + CellPadding + 30, max * 1.04 + CellPadding + 30);
        }
        return needs;
    }

    public static int ColumnCount(ReportTable table) => Math.Max(1, Math.Max(table.Columns.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max()));

    /// <summary>The layout for <paramref name="table"/>: column widths from content; <paramref name="mayTurn"/> lets it ask for a landscape page.</summary>
    public static TablePlan Layout(ReportTable table, bool landscape, bool mayTurn)
    {
        var needs = Needs(table);
        if (table.ColumnWeights is { } weights && weights.Count == needs.Count && weights.All(w => w > 0))
        {
            // Weights set what a column would like; its words still set the least it gets.
            var width = landscape ? ReportDocx.LandscapeTextWidth : ReportDocx.TextWidth;
            needs = [.. needs.Select((n, i) => n with { Max = Math.Max(n.Min, (double)width * weights[i] / weights.Sum()) })];
        }
        return ColumnWidths.Plan(needs, ReportDocx.TextWidth, ReportDocx.LandscapeTextWidth, landscape, mayTurn);
    }

    public static void Append(DocxBody body, ReportTable table, TablePlan layout)
    {
        for (var p = 0; p < layout.Parts.Count; p++)
        {
            if (p > 0)
            {
                body.Add(DocxStyles.Caption, DocxBody.Text($"Vervolg: {table.Caption}"));
            }
            AppendPart(body, table, layout.Parts[p]);
        }
        Below(body, table);
    }

    private static void AppendPart(DocxBody body, ReportTable table, TablePart part)
    {
        var all = ColumnCount(table);
        // A column with a number in any cell is a number column: all its cells (also "<5") align right.
        var numericAll = Enumerable.Range(0, all).Select(c => c > 0 && table.Rows.Any(r => c < r.Count && r[c].Value is not null)).ToArray();
        var columns = part.Columns.Count;
        var numeric = part.Columns.Select(c => numericAll[c]).ToArray();
        var widths = part.Widths.ToArray();

        var word = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString() },
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
            TableBorders = new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Color = "404040" },
                new BottomBorder { Val = BorderValues.Single, Size = 8, Color = "404040" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" }),
            TableCellMarginDefault = new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }),
            TableLook = new TableLook { Val = "04A0" }, // first row and column, no banded columns (the Word 2007 form)
        });
        word.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < columns; c++)
        {
            var source = part.Columns[c];
            header.Append(Cell(source < table.Columns.Count ? table.Columns[source] : "", widths[c], numeric[c], bold: true, shade: true));
        }
        word.Append(header);
        foreach (var row in table.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < columns; c++)
            {
                var source = part.Columns[c];
                tr.Append(Cell(source < row.Count ? row[source].Text : "", widths[c], numeric[c], bold: false, shade: false));
            }
            word.Append(tr);
        }
        body.Add(word);
    }

    private static void Below(DocxBody body, ReportTable table)
    {
        var below = new List<string>();
        if (table.CountsRespondents)
        {
            below.Add(table.N is { } n ? $"n = {Format.Number(n)}." : "n niet gepubliceerd.");
        }
        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            below.Add(table.Note);
        }
        // Also when empty: the note paragraph holds the space between the table and the next paragraph.
        body.Add(DocxStyles.TableNote, DocxBody.Text(string.Join(" ", below)));
    }

    private static TableCell Cell(string text, int width, bool right, bool bold, bool shade)
    {
        var properties = new TableCellProperties { TableCellWidth = new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() } };
        if (shade)
        {
            properties.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EFF3FF" };
        }
        properties.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Bottom };
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.TableText },
            Justification = right ? new Justification { Val = JustificationValues.Right } : null,
        });
        paragraph.Append(DocxBody.Text(text, bold: bold));
        return new TableCell(properties, paragraph);
    }
}
