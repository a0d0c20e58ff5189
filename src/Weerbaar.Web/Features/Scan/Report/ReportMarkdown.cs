using Markdig;
using Markdig.Syntax;

namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>The research team's Markdown as HTML for the report: raw HTML is not allowed (escaped), headings are moved
/// below the section they sit in, so the document outline stays in order.</summary>
public static class ReportMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown ?? "", Pipeline);

    /// <param name="minHeadingLevel">The level a "#" heading gets (e.g. 3 inside a level-2 section).</param>
    public static string ToHtml(string markdown, int minHeadingLevel)
    {
        var doc = Parse(markdown);
        foreach (var heading in doc.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + minHeadingLevel - 1);
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        return writer.ToString();
    }
}
