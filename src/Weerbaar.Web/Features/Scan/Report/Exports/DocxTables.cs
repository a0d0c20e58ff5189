using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Format = Weerbaar.Web.Shared.Format;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>A <see cref="ReportTable"/> as a Word table: header row repeated on every page, numbers right-aligned, n and note below.</summary>
internal static class DocxTables
{
    public static void Append(DocxBody body, ReportTable table)
    {
        var columns = Math.Max(1, Math.Max(table.Columns.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max()));
        // A column with a number in any cell is a number column: all its cells (also "<5") align right.
        var numeric = Enumerable.Range(0, columns).Select(c => c > 0 && table.Rows.Any(r => c < r.Count && r[c].Value is not null)).ToArray();
        var first = columns == 1 ? body.TextWidth : Math.Max(body.TextWidth * 35 / 100, body.TextWidth / columns);
        var widths = Enumerable.Range(0, columns).Select(c => c == 0 ? first : (body.TextWidth - first) / (columns - 1)).ToArray();
        if (table.ColumnWeights is { } weights && weights.Count == columns && weights.All(w => w > 0))
        {
            widths = [.. weights.Select(w => body.TextWidth * w / weights.Sum())];
        }

        var word = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
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
            header.Append(Cell(c < table.Columns.Count ? table.Columns[c] : "", widths[c], numeric[c], bold: true, shade: true));
        }
        word.Append(header);
        foreach (var row in table.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < columns; c++)
            {
                tr.Append(Cell(c < row.Count ? row[c].Text : "", widths[c], numeric[c], bold: false, shade: false));
            }
            word.Append(tr);
        }
        body.Add(word);

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
