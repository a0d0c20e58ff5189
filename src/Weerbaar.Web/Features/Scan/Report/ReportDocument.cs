namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>
/// A round's report as data, in reading order. Every renderer (HTML page, PDF via Chromium, Word, Excel) works from
/// this one document, so the figures, the sentences with numbers and the suppressed cells are the same everywhere.
/// Small cells are already suppressed here: a renderer never sees a count it must not publish.
/// </summary>
/// <param name="RoundName">The round the report is about; download file names are made from it.</param>
public sealed record ReportDocument(string RoundName, string Title, string Subtitle, DateOnly Date, int Responses, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>The line under the title on the PDF cover; null: the number of responses (a round's report).</summary>
    public string? CoverMeta { get; init; }

    /// <summary>Printed in the PDF footer of every page before the page number (a pack's version, date and checksum).</summary>
    public string? PageFooter { get; init; }

    /// <summary>A title page and a table of contents in Word; false for a short document (a collegevoorstel) that starts on its first page.</summary>
    public bool FrontMatter { get; init; } = true;

    /// <summary>
    /// Whether the PDF's table of contents shows page numbers: a first print finds them, a second shows them. False prints
    /// once and lists the headings without numbers (a batch of short documents, where the print time counts).
    /// </summary>
    public bool TocPageNumbers { get; init; } = true;

    /// <summary>Ids of the chapters (level-1 headings) that Word prints on landscape pages, for their wide tables.</summary>
    public IReadOnlySet<string> LandscapeChapters { get; init; } = new HashSet<string>();

    public IEnumerable<ReportHeading> Headings => Blocks.OfType<ReportHeading>();
    public IEnumerable<ReportTable> Tables => Blocks.SelectMany(b => b switch
    {
        ReportTable t => [t],
        ReportFigure f => [f.Table],
        _ => Array.Empty<ReportTable>(),
    });
}

public abstract record ReportBlock;

/// <summary>A chapter (level 1) or section (level 2, 3) heading; <paramref name="Id"/> is the anchor in HTML and the bookmark in Word.</summary>
public sealed record ReportHeading(int Level, string Id, string Text) : ReportBlock;

/// <summary>Generated text with numbers from the data, in Dutch number format.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A section written by the research team in Markdown (empty when nobody wrote it yet).</summary>
public sealed record ReportNarrativeBlock(string Key, string Markdown) : ReportBlock;

/// <summary>A bulleted list of generated sentences.</summary>
public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A numbered figure: a chart and the table with the same numbers (the chart's text alternative).</summary>
public sealed record ReportFigure(int Number, string Id, string Title, string Description, ReportChart Chart, ReportTable Table) : ReportBlock;

/// <summary>
/// A map drawn on the server: <paramref name="Svg"/> is a whole, self-contained svg element (inline in HTML and PDF; Word gets
/// it as a picture). <paramref name="AltText"/> says in words what the map shows; <paramref name="HeightRatio"/> is height / width.
/// </summary>
public sealed record ReportMap(string Id, string Title, string AltText, string Svg, double HeightRatio, string Source) : ReportBlock;

/// <summary>A table; <paramref name="Key"/> names its Excel sheet; <paramref name="N"/> is the number of respondents behind it.</summary>
public sealed record ReportTable(string Key, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, int? N, string? Note = null) : ReportBlock
{
    /// <summary>False for a table of records (a plan's actions), not of respondents: no n under it, and only columns holding numbers align right.</summary>
    public bool CountsRespondents { get; init; } = true;

    /// <summary>Relative column widths (Word, HTML and PDF); null: the first column wide, the others equal.</summary>
    public IReadOnlyList<int>? ColumnWeights { get; init; }

    /// <summary>Whether column <paramref name="c"/> aligns right: a number column (a cell with a value), or in a table of respondents any column after the first.</summary>
    public bool IsNumeric(int c) => c > 0 && (CountsRespondents || Rows.Any(r => c < r.Count && r[c].Value is not null));
}

/// <summary>Quotes (de-identified) that represent a theme of the open answers.</summary>
public sealed record ReportQuotes(string Theme, IReadOnlyList<string> Quotes) : ReportBlock;

/// <summary>A table cell: the text to show (Dutch format, or "&lt;5" when suppressed) and the number behind it for Excel.</summary>
public sealed record ReportCell(string Text, double? Value = null)
{
    public static ReportCell Of(string text) => new(text);
    public static implicit operator ReportCell(string text) => new(text);
}

public abstract record ReportChart;

/// <summary>Horizontal stacked bars, one per row, shares of <see cref="Categories"/> in percent (suppressed rows have no segments).</summary>
public sealed record StackedBarReportChart(IReadOnlyList<string> Categories, IReadOnlyList<StackedBarReportRow> Rows) : ReportChart;

/// <summary>One bar; <paramref name="Percentages"/> null when withheld; <paramref name="NText"/> e.g. "n = 101" or "n &lt; 5".</summary>
public sealed record StackedBarReportRow(string Label, IReadOnlyList<double>? Percentages, string? NText = null);

/// <summary>Horizontal bars with a value each (null = suppressed) on 0..<paramref name="Max"/>.</summary>
public sealed record BarReportChart(IReadOnlyList<BarReportItem> Bars, double Max, string Unit) : ReportChart;

public sealed record BarReportItem(string Label, double? Value, string ValueText);

/// <summary>Score × priority per pillar: X = mean score, Y = mean rank (1 = highest priority); gaps are high priority, low score.</summary>
public sealed record QuadrantReportChart(IReadOnlyList<QuadrantReportPoint> Points) : ReportChart;

public sealed record QuadrantReportPoint(string Code, string Label, double Score, double Rank, bool Gap);
