using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>How the report writes numbers: Dutch format, one decimal for percentages, p-values as a report writes them.</summary>
internal static class ReportText
{
    public static string Pct(double? percent) => percent is { } p ? $"{Format.Number(p, 1)}%" : "–";

    public static string P(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< 0,001",
        _ => Format.Number(p, 3),
    };

    /// <summary>"p = 0,034" or "p &lt; 0,001".</summary>
    public static string PIs(double p) => p < 0.001 ? "p < 0,001" : $"p = {Format.Number(p, 3)}";

    public static ReportCell Count(ProtectedCell cell, int threshold)
        => cell.IsSuppressed ? new ReportCell(cell.Label(threshold)) : new ReportCell(Format.Number(cell.Count), cell.Count);

    public static ReportCell Percentage(ProtectedCell cell, int threshold)
        => cell.IsSuppressed ? new ReportCell(cell.Label(threshold))
            : cell.Percentage is { } p ? new ReportCell(Pct(p), Math.Round(p, 1))
            : new ReportCell("–");

    public static ReportCell Number(double? value, int decimals)
        => value is { } v ? new ReportCell(Format.Number(v, decimals), Math.Round(v, decimals)) : new ReportCell("–");

    public static ReportCell Whole(int? value) => value is { } x ? new ReportCell(Format.Number(x), x) : new ReportCell("–");

    public static ReportCell Withheld(int threshold) => new($"<{threshold}");

    /// <summary>Joins "a, b en c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} en {items[^1]}",
    };

    /// <summary>Sentence case for a label used mid-sentence ("Eigen continuïteit" → "eigen continuïteit").</summary>
    public static string Lower(string label) => label.Length > 0 ? char.ToLower(label[0], Format.Dutch) + label[1..] : label;
}
