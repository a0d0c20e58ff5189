using DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>
/// The styles of the Word report. Built-in style ids and names (Heading1 "heading 1", Title, caption, toc 1), so Word
/// shows them under its own (Dutch) names, and headings carry outline levels for the table of contents and navigation pane.
/// </summary>
internal static class DocxStyles
{
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Caption = "Caption";
    public const string Quote = "Quote";
    public const string TocHeading = "TOCHeading";
    public const string ListParagraph = "ListParagraph";
    public const string Footer = "Footer";
    public const string TableText = "TableText";
    public const string TableNote = "TableNote";
    public const string Code = "PlainText";
    public const string Hyperlink = "Hyperlink";
    public const string Language = "nl-NL";
    public const string Accent = "08519C";

    public static string Heading(int level) => "Heading" + Math.Clamp(level, 1, 4);
    public static string Toc(int level) => "TOC" + Math.Clamp(level, 1, 3);

    public static Styles Create()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                FontSize = new FontSize { Val = "22" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "22" },
                Languages = new Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto },
            })));

        styles.Append(Paragraph("Normal", "Normal", basedOn: null, isDefault: true));
        styles.Append(Paragraph(Title, "Title", size: 52, color: Accent, spaceBefore: 2400, spaceAfter: 240));
        styles.Append(Paragraph(Subtitle, "Subtitle", size: 32, color: "404040", spaceAfter: 480));
        var sizes = new[] { 32, 26, 24, 22 };
        for (var level = 1; level <= 4; level++)
        {
            var style = Paragraph(Heading(level), "heading " + level, size: sizes[level - 1], bold: true, color: Accent,
                spaceBefore: level == 1 ? 480 : 280, spaceAfter: 120, keepNext: true, outline: level - 1);
            style.UnhideWhenUsed = new UnhideWhenUsed();
            styles.Append(style);
        }
        styles.Append(Paragraph(Caption, "caption", size: 20, bold: true, spaceBefore: 240, spaceAfter: 80, keepNext: true));
        styles.Append(Paragraph(Quote, "Quote", italic: true, color: "404040", indent: 567));
        styles.Append(Paragraph(TocHeading, "TOC Heading", size: 32, bold: true, color: Accent, spaceBefore: 240, spaceAfter: 240));
        for (var level = 1; level <= 3; level++)
        {
            styles.Append(Paragraph(Toc(level), "toc " + level, indent: (level - 1) * 220, spaceAfter: 60));
        }
        styles.Append(Paragraph(ListParagraph, "List Paragraph", spaceAfter: 60, indent: 720));
        styles.Append(Paragraph(Footer, "footer", size: 18, color: "404040", spaceAfter: 0));
        styles.Append(Paragraph(TableText, "Table Text", size: 20, spaceAfter: 0));
        styles.Append(Paragraph(TableNote, "Table Note", size: 18, color: "404040", spaceBefore: 60, spaceAfter: 240));
        styles.Append(Paragraph(Code, "Plain Text", size: 20, font: "Consolas", spaceAfter: 0));
        styles.Append(new Style(
            new StyleName { Val = "Hyperlink" },
            new UnhideWhenUsed(),
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = Hyperlink });
        return styles;
    }

    private static Style Paragraph(string id, string name, string? basedOn = "Normal", bool isDefault = false, int? size = null, bool bold = false,
        bool italic = false, string? color = null, int? spaceBefore = null, int? spaceAfter = null, bool keepNext = false, int? outline = null,
        int? indent = null, string? font = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, StyleName = new StyleName { Val = name } };
        if (isDefault)
        {
            style.Default = true;
        }
        if (basedOn is not null)
        {
            style.BasedOn = new BasedOn { Val = basedOn };
            style.NextParagraphStyle = new NextParagraphStyle { Val = "Normal" };
        }
        style.PrimaryStyle = new PrimaryStyle();
        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.KeepNext = new KeepNext();
            paragraph.KeepLines = new KeepLines();
        }
        if (spaceBefore is not null || spaceAfter is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spaceBefore is not null)
            {
                spacing.Before = spaceBefore.ToString();
            }
            if (spaceAfter is not null)
            {
                spacing.After = spaceAfter.ToString();
            }
            paragraph.SpacingBetweenLines = spacing;
        }
        if (indent is not null)
        {
            paragraph.Indentation = new Indentation { Left = indent.ToString() };
        }
        if (outline is not null)
        {
            paragraph.OutlineLevel = new OutlineLevel { Val = outline };
        }
        if (paragraph.HasChildren)
        {
            style.StyleParagraphProperties = paragraph;
        }
        var run = new StyleRunProperties();
        if (font is not null)
        {
            run.RunFonts = new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font };
        }
        if (bold)
        {
            run.Bold = new Bold();
            run.BoldComplexScript = new BoldComplexScript();
        }
        if (italic)
        {
            run.Italic = new Italic();
            run.ItalicComplexScript = new ItalicComplexScript();
        }
        if (color is not null)
        {
            run.Color = new Color { Val = color };
        }
        if (size is not null)
        {
            run.FontSize = new FontSize { Val = size.ToString() };
            run.FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString() };
        }
        if (run.HasChildren)
        {
            style.StyleRunProperties = run;
        }
        return style;
    }
}
