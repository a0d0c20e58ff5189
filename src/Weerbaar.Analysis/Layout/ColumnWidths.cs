namespace Weerbaar.Analysis.Layout;

/// <summary>What a table column needs: its longest unbreakable word (the least it may get) and its longest line (what it would like), in twips.</summary>
public sealed record ColumnNeed(double Min, double Max)
{
    /// <summary>A column whose content has no words: the padding only.</summary>
    public static ColumnNeed Empty(double padding) => new(padding, padding);
}

/// <summary>One table on the page: which columns it shows (the first column repeats in every part of a split table) and their widths.</summary>
public sealed record TablePart(IReadOnlyList<int> Columns, IReadOnlyList<int> Widths);

/// <summary>How a table is laid out: on a landscape page or not, in one part or split into parts of columns.</summary>
public sealed record TablePlan(bool Landscape, IReadOnlyList<TablePart> Parts);

/// <summary>
/// Column widths from content, as a browser lays out an automatic table (CSS 2.1 §17.5.2.2): every column gets at least
/// its longest word; when the longest lines fit, each column gets its longest line plus a share of the rest in proportion;
/// otherwise what is left above the minimums goes to the columns in proportion to how much more they would like
/// (so long text columns grow, short number columns stay narrow). When the minimums do not fit the page, the table goes
/// to a landscape page, and when they do not fit that either, it is split into parts that each repeat the first column.
/// </summary>
public static class ColumnWidths
{
    public static TablePlan Plan(IReadOnlyList<ColumnNeed> needs, int portraitWidth, int landscapeWidth, bool alreadyLandscape, bool mayTurn = true)
    {
        var all = Enumerable.Range(0, needs.Count).ToList();
        var width = alreadyLandscape ? landscapeWidth : portraitWidth;
        if (MinSum(needs, all) <= width)
        {
            return new(alreadyLandscape, [new TablePart(all, Distribute(Pick(needs, all), width))]);
        }
        if (!alreadyLandscape && mayTurn && MinSum(needs, all) <= landscapeWidth)
        {
            return new(true, [new TablePart(all, Distribute(needs, landscapeWidth))]);
        }
        var landscape = alreadyLandscape || mayTurn;
        width = landscape ? landscapeWidth : portraitWidth;
        var parts = new List<TablePart>();
        var next = 1;
        while (next < needs.Count)
        {
            var columns = new List<int> { 0, next++ };
            while (next < needs.Count && MinSum(needs, [.. columns, next]) <= width)
            {
                columns.Add(next++);
            }
            parts.Add(new TablePart(columns, Distribute(Pick(needs, columns), width)));
        }
        return new(landscape, parts.Count > 0 ? parts : [new TablePart(all, Distribute(needs, width))]);
    }

    /// <summary>Widths (whole twips) that add up to <paramref name="available"/>; never below a column's minimum when the minimums fit.</summary>
    public static IReadOnlyList<int> Distribute(IReadOnlyList<ColumnNeed> needs, int available)
    {
        if (needs.Count == 0)
        {
            return [];
        }
        var min = needs.Select(n => n.Min).ToArray();
        var max = needs.Select(n => Math.Max(n.Min, n.Max)).ToArray();
        var minSum = min.Sum();
        var maxSum = max.Sum();
        double[] widths;
        if (maxSum <= available)
        {
            widths = [.. max.Select(m => m + (available - maxSum) * m / maxSum)];
        }
        else if (minSum <= available)
        {
            var room = maxSum - minSum;
            widths = [.. min.Select((m, i) => m + (available - minSum) * (max[i] - m) / room)];
        }
        else
        {
            // Does not fit: shrink in proportion to the minimums (the caller splits or turns the table before this happens).
            widths = [.. min.Select(m => m * available / minSum)];
        }
        // Round down, then give the twips lost to rounding to the widest columns, so the total is exact and no minimum is undercut.
        var result = widths.Select(w => (int)Math.Floor(w)).ToArray();
        var rest = available - result.Sum();
        foreach (var i in Enumerable.Range(0, result.Length).OrderByDescending(i => widths[i] - result[i]).ThenByDescending(i => widths[i]).Take(Math.Max(0, rest)))
        {
            result[i]++;
        }
        return result;
    }

    private static double MinSum(IReadOnlyList<ColumnNeed> needs, IEnumerable<int> columns) => columns.Sum(c => needs[c].Min);

    private static List<ColumnNeed> Pick(IReadOnlyList<ColumnNeed> needs, IEnumerable<int> columns) => [.. columns.Select(c => needs[c])];
}
