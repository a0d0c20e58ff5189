namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>A line of the PDF's table of contents: a level-1 or level-2 heading and the page it is on (null = not found).</summary>
public sealed record ReportTocEntry(int Level, string Id, string Text, int? Page);
