namespace Weerbaar.Analysis.Disclosure;

/// <summary>Why a cell is not published.</summary>
public enum SuppressionReason
{
    /// <summary>Published.</summary>
    None = 0,

    /// <summary>Primary suppression: 0 &lt; count &lt; threshold.</summary>
    Primary,

    /// <summary>The cell belongs to a group (distribution, row or column) with 0 &lt; n &lt; threshold: the whole
    /// group, zeros and total included, is withheld.</summary>
    SmallGroup,

    /// <summary>The group's respondents all fall into one category (see
    /// <see cref="DisclosureSettings.ProtectUnanimousGroups"/>).</summary>
    Unanimous,

    /// <summary>Complementary (secondary) suppression: published, this cell would let a reader compute a
    /// suppressed cell from a total.</summary>
    Complementary,
}

/// <summary>One count after disclosure control.</summary>
/// <param name="Count">The count, or null when suppressed.</param>
/// <param name="Reason">Why it is suppressed, <see cref="SuppressionReason.None"/> when published.</param>
/// <param name="Percentage">Percentage of the cell's base (see the producing method), in percent, not rounded; null
/// when the cell or its base is suppressed or the base is 0.</param>
public sealed record ProtectedCell(int? Count, SuppressionReason Reason, double? Percentage)
{
    /// <summary>True when the count must not be published.</summary>
    public bool IsSuppressed => Reason != SuppressionReason.None;

    /// <summary>
    /// What a report shows: the count; "&lt;5" (with the threshold) for cells known to be below the threshold
    /// (primary and small-group suppression); "x" for complementary and unanimous suppression, whose value may be
    /// at or above the threshold, so "&lt;5" would be untrue.
    /// </summary>
    public string Label(int threshold) => Reason switch
    {
        SuppressionReason.None => Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SuppressionReason.Primary or SuppressionReason.SmallGroup => "<" + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "x",
    };

    internal static ProtectedCell Published(int count, int? percentageBase) =>
        new(count, SuppressionReason.None, percentageBase is > 0 ? 100.0 * count / percentageBase.Value : null);

    internal static ProtectedCell Suppressed(SuppressionReason reason) => new(null, reason, null);
}

/// <summary>A one-way distribution after disclosure control.</summary>
/// <param name="Cells">One per input count, same order; percentages are of the total.</param>
/// <param name="Total">The total n; percentage 100 when published and n &gt; 0.</param>
public sealed record ProtectedDistribution(IReadOnlyList<ProtectedCell> Cells, ProtectedCell Total);

/// <summary>A two-way table with margins after disclosure control.</summary>
/// <param name="Cells">Interior cells [row][column]; <see cref="ProtectedTableCell.RowPercentage"/> is of the row
/// total, <see cref="ProtectedTableCell.ColumnPercentage"/> of the column total.</param>
/// <param name="RowTotals">Row totals; percentage of the grand total.</param>
/// <param name="ColumnTotals">Column totals; percentage of the grand total.</param>
/// <param name="GrandTotal">The grand total; percentage 100 when published and &gt; 0.</param>
public sealed record ProtectedTable(
    IReadOnlyList<IReadOnlyList<ProtectedTableCell>> Cells,
    IReadOnlyList<ProtectedCell> RowTotals,
    IReadOnlyList<ProtectedCell> ColumnTotals,
    ProtectedCell GrandTotal)
{
    /// <summary>Number of suppressed cells, interior and margins.</summary>
    public int SuppressedCount =>
        Cells.Sum(r => r.Count(c => c.IsSuppressed)) + RowTotals.Count(c => c.IsSuppressed)
        + ColumnTotals.Count(c => c.IsSuppressed) + (GrandTotal.IsSuppressed ? 1 : 0);
}

/// <summary>An interior cell of a <see cref="ProtectedTable"/>.</summary>
/// <param name="Count">The count, or null when suppressed.</param>
/// <param name="Reason">Why it is suppressed.</param>
/// <param name="RowPercentage">Percentage of its row total; null when this cell or the row total is suppressed.</param>
/// <param name="ColumnPercentage">Percentage of its column total; null when this cell or the column total is suppressed.</param>
public sealed record ProtectedTableCell(int? Count, SuppressionReason Reason, double? RowPercentage, double? ColumnPercentage)
{
    /// <summary>True when the count must not be published.</summary>
    public bool IsSuppressed => Reason != SuppressionReason.None;

    /// <summary>What a report shows; see <see cref="ProtectedCell.Label"/>.</summary>
    public string Label(int threshold) => new ProtectedCell(Count, Reason, null).Label(threshold);
}
