using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Format = Weerbaar.Web.Shared.Format;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>
/// The report as a Word document (A4, Dutch): title page, a table of contents that Word fills when it opens the file,
/// real heading styles, tables with repeating header rows and native (editable) Word charts for the figures.
/// </summary>
public static class ReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point, 2.5 cm margins.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1418;
    internal const int TextWidth = PageWidth - 2 * Margin;

    /// <param name="pictures">PNG pictures of the document's maps by <see cref="ReportMap.Id"/>; a map without one is described in words only.</param>
    public static byte[] Render(ReportDocument doc, IReadOnlyDictionary<string, byte[]>? pictures = null)
    {
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = doc.Title;
            package.PackageProperties.Subject = doc.Subtitle;
            package.PackageProperties.Language = DocxStyles.Language;
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body());
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
                new UpdateFieldsOnOpen { Val = true },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }),
                new ThemeFontLanguages { Val = DocxStyles.Language });

            var body = new DocxBody(main, main.Document.Body!) { Pictures = pictures ?? new Dictionary<string, byte[]>() };
            body.PlanBookmarks(doc.Headings);
            TitlePage(body, doc);
            if (doc.FrontMatter)
            {
                TableOfContents(body, doc);
            }
            var footers = Footers(main);
            var tables = 0;
            var landscape = false;
            var first = true;
            // A section ends with the paragraph that carries its properties: close the pages so far in their orientation.
            void Turn()
            {
                body.Add(new Paragraph(new ParagraphProperties(Section(footers, landscape, first && doc.FrontMatter))));
                first = false;
                landscape = !landscape;
                body.TextWidth = landscape ? LandscapeTextWidth : TextWidth;
            }
            foreach (var block in doc.Blocks)
            {
                if (block is ReportHeading { Level: 1 } chapter && doc.LandscapeChapters.Contains(chapter.Id) != landscape)
                {
                    Turn();
                }
                if (block is ReportTable table)
                {
                    // A table too wide for a portrait page gets a landscape page of its own, then the text turns back.
                    var layout = DocxTables.Layout(table, landscape, mayTurn: true);
                    var turned = layout.Landscape && !landscape;
                    if (turned)
                    {
                        Turn();
                    }
                    tables++;
                    body.Add(DocxStyles.Caption, [DocxBody.Text("Tabel "), .. DocxBody.Field("SEQ Tabel \\* ARABIC", false, DocxBody.Text(tables.ToString())), DocxBody.Text(". " + table.Caption)]);
                    DocxTables.Append(body, table, layout);
                    if (turned)
                    {
                        Turn();
                    }
                    continue;
                }
                Write(body, block, landscape, ref tables);
            }
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = body.Numbering.Build();
            body.Add(Section(footers, landscape, first && doc.FrontMatter));
        }
        return buffer.ToArray();
    }

    internal const int LandscapeTextWidth = PageHeight - 2 * Margin;

    private static void Write(DocxBody body, ReportBlock block, bool landscape, ref int tables)
    {
        switch (block)
        {
            case ReportHeading h:
                body.Heading(h);
                break;
            case ReportParagraph p:
                body.Add(null, DocxBody.Text(p.Text));
                break;
            case ReportNarrativeBlock n:
                DocxMarkdown.Append(body, n.Markdown);
                break;
            case ReportList l:
                foreach (var item in l.Items)
                {
                    body.ListItem(DocxNumbering.Bullets, 0, DocxBody.Text(item));
                }
                break;
            case ReportFigure f:
                body.Add(DocxStyles.Caption, [DocxBody.Text("Figuur "), .. DocxBody.Field("SEQ Figuur \\* ARABIC", false, DocxBody.Text(f.Number.ToString())), DocxBody.Text(". " + f.Title)]);
                DocxCharts.Append(body, f);
                body.Add(DocxStyles.Caption, DocxBody.Text($"Tabel bij figuur {f.Number}. {f.Table.Caption}"));
                DocxTables.Append(body, f.Table, DocxTables.Layout(f.Table, landscape, mayTurn: false));
                break;
            case ReportMap m:
                DocxMaps.Append(body, m);
                break;
            case ReportQuotes q:
                body.Add(DocxStyles.Heading(4), DocxBody.Text(q.Theme));
                foreach (var quote in q.Quotes)
                {
                    body.Add(DocxStyles.Quote, DocxBody.Text($"‘{quote}’"));
                }
                break;
            default:
                throw new NotSupportedException($"No Word rendering for {block.GetType().Name}.");
        }
    }

    private static void TitlePage(DocxBody body, ReportDocument doc)
    {
        body.Add(DocxStyles.Title, DocxBody.Text(doc.Title));
        body.Add(DocxStyles.Subtitle, DocxBody.Text(doc.Subtitle));
        body.Add(null, DocxBody.Text(doc.Date.ToString("d MMMM yyyy", Format.Dutch)));
        if (doc.FrontMatter)
        {
            body.Add(null, new Run(new Break { Type = BreakValues.Page }));
        }
    }

    /// <summary>
    /// A TOC field over heading levels 1–3. Its current result lists the headings already (linked, without page numbers),
    /// for readers that do not update fields; Word replaces it with page numbers when it opens the document (updateFields).
    /// </summary>
    private static void TableOfContents(DocxBody body, ReportDocument doc)
    {
        body.Add(DocxStyles.TocHeading, DocxBody.Text("Inhoud"));
        var headings = doc.Headings.Where(h => h.Level <= 3).ToList();
        var field = DocxBody.Field("TOC \\o \"1-3\" \\h \\z \\u", true);
        var begin = field[..3];
        var end = field[3..];
        if (headings.Count == 0)
        {
            body.Add(DocxStyles.Toc(1), [.. begin, DocxBody.Text("Werk het veld bij om de inhoudsopgave te tonen."), .. end]);
        }
        for (var i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var link = new Hyperlink(DocxBody.Text(h.Text)) { Anchor = body.Bookmark(h), History = true };
            body.Add(DocxStyles.Toc(h.Level), [.. i == 0 ? begin : [], link, .. i == headings.Count - 1 ? end : []]);
        }
        body.Add(null, new Run(new Break { Type = BreakValues.Page }));
    }

    private static (string Default, string First) Footers(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer }, new Justification { Val = JustificationValues.Center }),
            DocxBody.Text("Pagina "),
            new SimpleField(DocxBody.Text("1")) { Instruction = " PAGE " },
            DocxBody.Text(" van "),
            new SimpleField(DocxBody.Text("1")) { Instruction = " NUMPAGES " }));
        var empty = main.AddNewPart<FooterPart>();
        empty.Footer = new Footer(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer })));
        return (main.GetIdOfPart(footer), main.GetIdOfPart(empty));
    }

    /// <summary>A4 with 2.5 cm margins, portrait or landscape; the title page (first page of the first section) without footer.</summary>
    private static SectionProperties Section((string Default, string First) footers, bool landscape, bool titlePage) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footers.Default },
        new FooterReference { Type = HeaderFooterValues.First, Id = footers.First },
        landscape
            ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = PageWidth, Height = PageHeight },
        new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 709, Footer = 709, Gutter = 0 },
        titlePage ? new TitlePage() : new TitlePage { Val = false });
}
