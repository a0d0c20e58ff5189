using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>The body of the Word report being written, with the counters that must be unique across the document.</summary>
internal sealed class DocxBody(MainDocumentPart main, Body body)
{
    private uint _drawingId;
    private int _bookmarkId;
    private readonly Dictionary<ReportHeading, string> _bookmarks = new(ReferenceEqualityComparer.Instance);

    public MainDocumentPart Main { get; } = main;

    /// <summary>The width tables fill, in twentieths of a point: wider on a landscape page.</summary>
    public int TextWidth { get; set; } = ReportDocx.TextWidth;
    public DocxNumbering Numbering { get; } = new();

    /// <summary>PNG pictures of the maps, by map id.</summary>
    public IReadOnlyDictionary<string, byte[]> Pictures { get; init; } = new Dictionary<string, byte[]>();

    public uint NextDrawingId() => ++_drawingId;

    public Paragraph Add(string? style, params OpenXmlElement[] content)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } };
        }
        paragraph.Append(content);
        body.Append(paragraph);
        return paragraph;
    }

    public void Add(OpenXmlElement element) => body.Append(element);

    public Paragraph ListItem(int numberingId, int level, params OpenXmlElement[] content)
    {
        var paragraph = Add(DocxStyles.ListParagraph, content);
        paragraph.ParagraphProperties!.NumberingProperties = new NumberingProperties(
            new NumberingLevelReference { Val = Math.Clamp(level, 0, 8) }, new NumberingId { Val = numberingId });
        paragraph.ParagraphProperties.ContextualSpacing = new ContextualSpacing();
        return paragraph;
    }

    /// <summary>Gives every heading a unique bookmark name (from its id) before writing, so the table of contents can link ahead.</summary>
    public void PlanBookmarks(IEnumerable<ReportHeading> headings)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var heading in headings)
        {
            // Word: at most 40 characters, letters, digits and underscores, starting with a letter.
            var clean = new StringBuilder();
            foreach (var c in heading.Id)
            {
                clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }
            var name = clean.Length > 0 && char.IsAsciiLetter(clean[0]) ? clean.ToString() : "h" + clean;
            name = name[..Math.Min(name.Length, 34)];
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + "_" + i;
            }
            _bookmarks[heading] = unique;
        }
    }

    public string Bookmark(ReportHeading heading) => _bookmarks[heading];

    public Paragraph Heading(ReportHeading heading)
    {
        var number = (++_bookmarkId).ToString();
        return Add(DocxStyles.Heading(heading.Level),
            new BookmarkStart { Id = number, Name = Bookmark(heading) }, Text(heading.Text), new BookmarkEnd { Id = number });
    }

    public static Run Text(string text, bool bold = false, bool italic = false, string? style = null)
    {
        var run = new Run();
        if (bold || italic || style is not null)
        {
            run.RunProperties = new RunProperties
            {
                RunStyle = style is null ? null : new RunStyle { Val = style },
                Bold = bold ? new Bold() : null,
                Italic = italic ? new Italic() : null,
            };
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A complex field (PAGE, TOC, SEQ) with <paramref name="shown"/> as its current result.</summary>
    /// <param name="dirty">Word recalculates the field when it opens the document (the table of contents).</param>
    public static OpenXmlElement[] Field(string instruction, bool dirty, params OpenXmlElement[] shown) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = dirty ? true : null }),
        new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        .. shown,
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];
}
