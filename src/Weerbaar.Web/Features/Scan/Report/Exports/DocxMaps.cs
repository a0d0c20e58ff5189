using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>A map as a picture (the PNG of its SVG) across the text width, with its alternative text and source below.</summary>
internal static class DocxMaps
{
    // The map may take at most this share of a portrait page's text height, so its caption and source stay with it.
    private const double MaxHeightShare = 0.72;
    private const int TextHeight = 16838 - 2 * 1418;

    public static void Append(DocxBody body, ReportMap map)
    {
        body.Add(DocxStyles.Caption, DocxBody.Text("Kaart. " + map.Title));
        if (body.Pictures.GetValueOrDefault(map.Id) is not { } png)
        {
            body.Add(null, DocxBody.Text("De kaart staat in de PDF van dit document. " + map.AltText));
        }
        else
        {
            var width = (long)body.TextWidth;
            var height = (long)(width * map.HeightRatio);
            var maxHeight = (long)(TextHeight * MaxHeightShare);
            if (height > maxHeight)
            {
                width = (long)(maxHeight / map.HeightRatio);
                height = maxHeight;
            }
            var (cx, cy) = (width * 635, height * 635); // twips to EMU
            var part = body.Main.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(png))
            {
                part.FeedData(stream);
            }
            var id = body.NextDrawingId();
            var inline = new Wp.Inline(
                new Wp.Extent { Cx = cx, Cy = cy },
                new Wp.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new Wp.DocProperties { Id = id, Name = $"Kaart {id}", Title = map.Title, Description = map.AltText },
                new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new Pic.Picture(
                        new Pic.NonVisualPictureProperties(
                            new Pic.NonVisualDrawingProperties { Id = 0, Name = $"kaart-{map.Id}.png", Description = map.AltText },
                            new Pic.NonVisualPictureDrawingProperties()),
                        new Pic.BlipFill(new A.Blip { Embed = body.Main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                        new Pic.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
            var paragraph = body.Add(null, new Run(new Drawing(inline)));
            paragraph.ParagraphProperties = new ParagraphProperties(new KeepNext());
        }
        body.Add(DocxStyles.TableNote, DocxBody.Text(map.Source));
    }
}
