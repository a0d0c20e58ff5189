using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Report.Exports;

/// <summary>
/// The report's tables as an Excel workbook: sheet "Inhoud" lists every table, then one sheet per table (figures'
/// tables included) with caption, n and note above the table. A cell holds its number when there is one, else its text
/// ("&lt;5" stays text); text never starts a formula.
/// </summary>
public static class ReportExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string ContentsSheet = "Inhoud";
    private const int MaxSheetName = 31;

    public static byte[] Render(ReportDocument doc)
    {
        var tables = doc.Tables.ToList();
        var names = SheetNames(tables.Select(t => t.Key));
        var sheets = new Dictionary<string, object>
        {
            [ContentsSheet] = Rows(3, [["Blad", "Tabel", "n"], .. tables.Select((t, i) => new object?[] { names[i], t.Caption, t.CountsRespondents ? t.N ?? (object)"niet gepubliceerd" : null })]),
        };
        for (var i = 0; i < tables.Count; i++)
        {
            sheets[names[i]] = Sheet(tables[i]);
        }
        var config = new OpenXmlConfiguration { TableStyles = TableStyles.None, AutoFilter = false };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, printHeader: false, configuration: config);
        return buffer.ToArray();
    }

    private static List<Dictionary<string, object?>> Sheet(ReportTable table)
    {
        var width = Math.Max(1, Math.Max(table.Columns.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max()));
        var lines = new List<object?[]> { new object?[] { table.Caption } };
        if (table.CountsRespondents)
        {
            lines.Add([table.N is { } n ? $"n = {Format.Number(n)}" : "n niet gepubliceerd"]);
        }
        if (!string.IsNullOrWhiteSpace(table.Note))
        {
            lines.Add([table.Note]);
        }
        lines.Add([]);
        lines.Add([.. table.Columns]);
        lines.AddRange(table.Rows.Select(r => r.Select(c => c.Value is { } v ? v : (object?)c.Text).ToArray()));
        return Rows(width, lines);
    }

    /// <summary>Rows of a sheet without header row: every row has the same keys (MiniExcel takes the columns from the first row).</summary>
    private static List<Dictionary<string, object?>> Rows(int width, IEnumerable<object?[]> lines) => lines.Select(line =>
        Enumerable.Range(0, width).ToDictionary(c => "c" + c, c => c < line.Length ? Cell(line[c]) : null)).ToList();

    private static object? Cell(object? value) => value is string text ? ResponseCsv.Neutralize(text) : value;

    /// <summary>Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not starting or ending with ', unique ignoring case.</summary>
    internal static List<string> SheetNames(IEnumerable<string> keys)
    {
        var used = new HashSet<string>([ContentsSheet, "History"], StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var key in keys)
        {
            var clean = new string(key.Select(c => "[]:*?/\\".Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('\'');
            if (clean.Length == 0)
            {
                clean = "Tabel";
            }
            var name = Fit(clean, "");
            for (var i = 2; !used.Add(name); i++)
            {
                name = Fit(clean, $" ({i})");
            }
            names.Add(name);
        }
        return names;
    }

    private static string Fit(string name, string suffix) => name[..Math.Min(name.Length, MaxSheetName - suffix.Length)].TrimEnd('\'', ' ') + suffix;
}
