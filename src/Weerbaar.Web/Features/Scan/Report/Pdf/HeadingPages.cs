using System.Globalization;
using System.Text;
using UglyToad.PdfPig;

namespace Weerbaar.Web.Features.Scan.Report.Pdf;

/// <summary>
/// Finds on which page of a printed report each table-of-contents heading landed, by searching the page texts
/// (PdfPig). The page header (the report title) and footer are left out of the search; whitespace, case and
/// ligatures are ignored, so a heading that wraps over two lines is still found.
/// </summary>
public static class HeadingPages
{
    /// <param name="pdf">A print whose table of contents lists <paramref name="entries"/> in the same order as the body.</param>
    /// <param name="headerHeight">Top margin (points) where the page header is printed.</param>
    /// <param name="footerHeight">Bottom margin (points) where the page footer is printed.</param>
    /// <returns>Per entry the 1-based page number of its heading in the body, or null when not found.</returns>
    public static int?[] Find(byte[] pdf, IReadOnlyList<ReportTocEntry> entries, double headerHeight, double footerHeight)
    {
        var text = new StringBuilder();
        var pageStarts = new List<int>();
        using (var document = PdfDocument.Open(pdf))
        {
            foreach (var page in document.GetPages())
            {
                pageStarts.Add(text.Length);
                var top = page.Height - headerHeight;
                foreach (var letter in page.Letters)
                {
                    var y = letter.StartBaseLine.Y;
                    if (y < top && y > footerHeight)
                    {
                        text.Append(Normalize(letter.Value));
                    }
                }
            }
        }
        var all = text.ToString();
        var needles = entries.Select(e => Normalize(e.Text)).ToArray();

        // The table of contents lists every heading first, in order; the body repeats them in the same order.
        // Step over the list, then find each heading after the one before it.
        var cursor = 0;
        foreach (var needle in needles)
        {
            var at = needle.Length == 0 ? -1 : all.IndexOf(needle, cursor, StringComparison.Ordinal);
            if (at >= 0)
            {
                cursor = at + needle.Length;
            }
        }
        // The body starts on a new page after the table of contents.
        var tocEnd = PageOf(Math.Max(0, cursor - 1), pageStarts);
        cursor = tocEnd < pageStarts.Count ? pageStarts[tocEnd] : all.Length;
        var pages = new int?[entries.Count];
        for (var i = 0; i < needles.Length; i++)
        {
            var at = needles[i].Length == 0 ? -1 : all.IndexOf(needles[i], cursor, StringComparison.Ordinal);
            if (at >= 0)
            {
                pages[i] = PageOf(at, pageStarts);
                cursor = at + needles[i].Length;
            }
        }
        return pages;
    }

    private static int PageOf(int offset, List<int> pageStarts)
    {
        var index = pageStarts.BinarySearch(offset);
        // Several empty pages can start at the same offset: take the last of them, where the text is.
        if (index >= 0)
        {
            while (index + 1 < pageStarts.Count && pageStarts[index + 1] == offset)
            {
                index++;
            }
            return index + 1;
        }
        return ~index;
    }

    /// <summary>Compatibility-decomposed (ligatures → letters), lower case, without whitespace or soft hyphens.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (!char.IsWhiteSpace(c) && c != '\u00AD' && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                result.Append(char.ToLowerInvariant(c));
            }
        }
        return result.ToString();
    }
}
