using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>
/// A narrative section (CommonMark) as Word paragraphs. The section sits under a chapter heading, so # becomes
/// Heading 2, ## Heading 3 and deeper Heading 4. Raw HTML and images are left out; links become Word hyperlinks.
/// </summary>
internal static class DocxMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static void Append(DocxBody body, string markdown)
    {
        if (!string.IsNullOrWhiteSpace(markdown))
        {
            Blocks(body, Markdown.Parse(markdown, Pipeline), level: -1, style: null);
        }
    }

    /// <param name="level">The list level of the enclosing list item (-1 outside lists).</param>
    private static void Blocks(DocxBody body, IEnumerable<Block> blocks, int level, string? style)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    body.Add(DocxStyles.Heading(h.Level + 1), Inlines(body, h.Inline));
                    break;
                case ParagraphBlock p when level >= 0:
                    // A further paragraph inside a list item: indented like the item, without a bullet of its own.
                    var paragraph = body.Add(DocxStyles.ListParagraph, Inlines(body, p.Inline));
                    paragraph.ParagraphProperties!.Indentation = new Indentation { Left = (360 * (level + 1)).ToString() };
                    break;
                case ParagraphBlock p:
                    body.Add(style, Inlines(body, p.Inline));
                    break;
                case ListBlock list:
                    var numbering = list.IsOrdered
                        ? body.Numbering.NewNumberedList(int.TryParse(list.OrderedStart, out var start) ? start : 1)
                        : DocxNumbering.Bullets;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        ListItem(body, item, numbering, level + 1, style);
                    }
                    break;
                case QuoteBlock quote:
                    Blocks(body, quote, level, DocxStyles.Quote);
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                    {
                        body.Add(DocxStyles.Code, DocxBody.Text(line.Slice.ToString()));
                    }
                    break;
                case HtmlBlock or ThematicBreakBlock:
                    break;
                case ContainerBlock other:
                    Blocks(body, other, level, style);
                    break;
                case LeafBlock { Inline: { } inline }:
                    body.Add(style, Inlines(body, inline));
                    break;
            }
        }
    }

    private static void ListItem(DocxBody body, ListItemBlock item, int numbering, int level, string? style)
    {
        if (item.Count > 0 && item[0] is ParagraphBlock first)
        {
            body.ListItem(numbering, level, Inlines(body, first.Inline));
            Blocks(body, item.Skip(1), level, style);
        }
        else
        {
            body.ListItem(numbering, level);
            Blocks(body, item, level, style);
        }
    }

    private static OpenXmlElement[] Inlines(DocxBody body, ContainerInline? inline)
    {
        var output = new List<OpenXmlElement>();
        if (inline is not null)
        {
            Inlines(body, inline, output, bold: false, italic: false, runStyle: null);
        }
        return [.. output];
    }

    private static void Inlines(DocxBody body, ContainerInline container, List<OpenXmlElement> output, bool bold, bool italic, string? runStyle)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    output.Add(DocxBody.Text(literal.Content.ToString(), bold, italic, runStyle));
                    break;
                case EmphasisInline emphasis:
                    Inlines(body, emphasis, output, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount % 2 == 1, runStyle);
                    break;
                case CodeInline code:
                    var run = DocxBody.Text(code.Content, bold, italic, runStyle);
                    run.RunProperties ??= new RunProperties();
                    run.RunProperties.RunFonts = new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas" };
                    output.Add(run);
                    break;
                case LineBreakInline lineBreak:
                    output.Add(lineBreak.IsHard ? new Run(new Break()) : DocxBody.Text(" "));
                    break;
                case LinkInline { IsImage: false } link when Link(body, link.Url) is { } hyperlink:
                    var linkRuns = new List<OpenXmlElement>();
                    Inlines(body, link, linkRuns, bold, italic, DocxStyles.Hyperlink);
                    hyperlink.Append(linkRuns);
                    output.Add(hyperlink);
                    break;
                case AutolinkInline auto when Link(body, auto.IsEmail ? "mailto:" + auto.Url : auto.Url) is { } hyperlink:
                    hyperlink.Append(DocxBody.Text(auto.Url, bold, italic, DocxStyles.Hyperlink));
                    output.Add(hyperlink);
                    break;
                case AutolinkInline auto:
                    output.Add(DocxBody.Text(auto.Url, bold, italic, runStyle));
                    break;
                case HtmlEntityInline entity:
                    output.Add(DocxBody.Text(entity.Transcoded.ToString(), bold, italic, runStyle));
                    break;
                case HtmlInline:
                    break;
                case ContainerInline other:
                    Inlines(body, other, output, bold, italic, runStyle);
                    break;
            }
        }
    }

    private static Hyperlink? Link(DocxBody body, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return null;
        }
        var relationship = body.Main.AddHyperlinkRelationship(uri, isExternal: true);
        return new Hyperlink { Id = relationship.Id, History = true };
    }
}
