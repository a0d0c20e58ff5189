namespace Weerbaar.Analysis.Disclosure;

/// <summary>Which axis of a two-way table holds the groups of respondents (e.g. provinces).</summary>
public enum GroupAxis
{
    /// <summary>Each row is a group; columns are answer categories.</summary>
    Rows,

    /// <summary>Each column is a group; rows are answer categories.</summary>
    Columns,
}

/// <summary>
/// Small-cell suppression with complementary suppression, so that published counts never let a reader single out
/// the answers of one gemeente. Rules (see Disclosure/README.md for the reasoning):
/// <list type="bullet">
/// <item>Primary: a cell with 0 &lt; count &lt; threshold is suppressed.</item>
/// <item>Small group: a group of respondents (a distribution, a table's group row or column — see
/// <see cref="GroupAxis"/> — or the whole table) with 0 &lt; n &lt; threshold is withheld entirely, zeros and total
/// included.</item>
/// <item>Zeros are published in groups of at least the threshold (a zero then says "nobody in this group of ≥ 5",
/// which singles out no-one). An empty group (n = 0) is published as zeros: there is nobody to protect.</item>
/// <item>Unanimity (optional, on by default): a group of ≥ threshold all in one category has all its category cells
/// suppressed, since that cell would tell each member's answer.</item>
/// <item>Complementary: no published total may reveal a suppressed cell.</item>
/// </list>
/// </summary>
public static class CellSuppression
{
    /// <summary>
    /// Protects a one-way distribution whose total (the sum of <paramref name="counts"/>) is published, e.g. the
    /// answer counts of one question in one peer group. If exactly one cell is suppressed, the next-smallest
    /// non-zero cell is suppressed too. Percentages are of the total.
    /// For a multiple-response question (I4) the codes do not add up to the total: protect each code as the
    /// distribution [count, n − count].
    /// </summary>
    public static ProtectedDistribution ProtectDistribution(IReadOnlyList<int> counts, DisclosureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        settings ??= DisclosureSettings.Default;
        var t = settings.Threshold;
        if (counts.Any(c => c < 0))
        {
            throw new ArgumentException("Counts are not negative.", nameof(counts));
        }

        var n = counts.Sum();
        if (n > 0 && n < t)
        {
            var all = counts.Select(_ => ProtectedCell.Suppressed(SuppressionReason.SmallGroup)).ToList();
            return new ProtectedDistribution(all, ProtectedCell.Suppressed(SuppressionReason.SmallGroup));
        }

        var reasons = new SuppressionReason[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && counts[i] < t)
            {
                reasons[i] = SuppressionReason.Primary;
            }
        }

        if (settings.ProtectUnanimousGroups && n > 0 && counts.Count >= 2 && counts.Count(c => c > 0) == 1)
        {
            Array.Fill(reasons, SuppressionReason.Unanimous);
        }

        if (reasons.Count(r => r != SuppressionReason.None) == 1)
        {
            // total − published cells would give the suppressed one: hide the smallest non-zero published cell too.
            // With n ≥ threshold and one primary cell such a cell always exists (the rest add up to ≥ 1).
            var complement = Enumerable.Range(0, counts.Count)
                .Where(i => reasons[i] == SuppressionReason.None && counts[i] > 0)
                .OrderBy(i => counts[i]).ThenBy(i => i)
                .First();
            reasons[complement] = SuppressionReason.Complementary;
        }

        var cells = counts
            .Select((c, i) => reasons[i] == SuppressionReason.None ? ProtectedCell.Published(c, n) : ProtectedCell.Suppressed(reasons[i]))
            .ToList();
        return new ProtectedDistribution(cells, ProtectedCell.Published(n, n));
    }

    /// <summary>
    /// Protects a two-way table (e.g. answer category × province) whose row totals, column totals and grand total
    /// are published. After primary, small-group and unanimity suppression, complementary cells are added until
    /// (1) no row or column — margins included — has exactly one suppressed cell, and (2) no suppressed cell can be
    /// solved exactly from the published totals by combining several rows and columns. Each step suppresses the
    /// smallest available non-zero cell (zeros only when nothing else is available). This is a greedy heuristic that
    /// always terminates (every step suppresses one more cell); it is not an optimal (least information loss)
    /// solution and does not enforce protection intervals: bounds from non-negativity may still narrow a cell down.
    /// </summary>
    /// <param name="counts">Rows of equal length; at least one row and one column.</param>
    /// <param name="groups">Which axis holds the groups of respondents (provinces, peer groups) as opposed to answer
    /// categories; unanimity (<see cref="DisclosureSettings.ProtectUnanimousGroups"/>) is checked per group. For
    /// question × province (answer categories as rows) this is <see cref="GroupAxis.Columns"/>.</param>
    /// <param name="settings">Threshold and options; <see cref="DisclosureSettings.Default"/> when null.</param>
    public static ProtectedTable ProtectTable(IReadOnlyList<IReadOnlyList<int>> counts, GroupAxis groups, DisclosureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        settings ??= DisclosureSettings.Default;
        var grid = TableGrid.Build(counts);
        grid.Protect(groups, settings);
        return grid.ToResult();
    }

    /// <summary>
    /// The table with margins as a (rows+1) × (columns+1) grid: row index <c>Rows</c> holds column totals, column
    /// index <c>Columns</c> holds row totals, the corner the grand total. Every "line" (a grid row or a grid column)
    /// is an additive relation: its interior cells add up to its margin cell. After signing margin cells negatively
    /// every relation is "the cells of a line sum to zero", so the suppressed cells form a bipartite graph (grid rows
    /// and grid columns as nodes, suppressed cells as edges) in which a suppressed value is exactly determined by
    /// the published values if and only if its edge is a bridge (lies on no cycle).
    /// </summary>
    private sealed class TableGrid
    {
        private readonly int[,] _value;
        private readonly SuppressionReason[,] _reason;

        private TableGrid(int rows, int columns)
        {
            Rows = rows;
            Columns = columns;
            _value = new int[rows + 1, columns + 1];
            _reason = new SuppressionReason[rows + 1, columns + 1];
        }

        public int Rows { get; }

        public int Columns { get; }

        public static TableGrid Build(IReadOnlyList<IReadOnlyList<int>> counts)
        {
            if (counts.Count == 0 || counts[0] is null || counts[0].Count == 0)
            {
                throw new ArgumentException("A table has at least one row and one column.", nameof(counts));
            }

            var columns = counts[0].Count;
            var grid = new TableGrid(counts.Count, columns);
            for (var i = 0; i < counts.Count; i++)
            {
                if (counts[i] is null || counts[i].Count != columns)
                {
                    throw new ArgumentException($"Row {i} has not {columns} cells.", nameof(counts));
                }

                for (var j = 0; j < columns; j++)
                {
                    var c = counts[i][j];
                    if (c < 0)
                    {
                        throw new ArgumentException("Counts are not negative.", nameof(counts));
                    }

                    grid._value[i, j] = c;
                    grid._value[i, columns] += c;
                    grid._value[counts.Count, j] += c;
                    grid._value[counts.Count, columns] += c;
                }
            }

            return grid;
        }

        public void Protect(GroupAxis groups, DisclosureSettings settings)
        {
            var t = settings.Threshold;
            var total = _value[Rows, Columns];
            if (total > 0 && total < t)
            {
                SetAll(SuppressionReason.SmallGroup);
                return;
            }

            // Small groups: a group with 0 < n < t is withheld entirely (zeros and its total). A small category
            // total (e.g. only 3 gemeenten answered "1") is an ordinary small cell: primary.
            for (var i = 0; i < Rows; i++)
            {
                if (_value[i, Columns] > 0 && _value[i, Columns] < t)
                {
                    for (var j = 0; j <= Columns; j++)
                    {
                        if (groups == GroupAxis.Rows || j == Columns)
                        {
                            Mark(i, j, groups == GroupAxis.Rows ? SuppressionReason.SmallGroup : SuppressionReason.Primary);
                        }
                    }
                }
            }

            for (var j = 0; j < Columns; j++)
            {
                if (_value[Rows, j] > 0 && _value[Rows, j] < t)
                {
                    for (var i = 0; i <= Rows; i++)
                    {
                        if (groups == GroupAxis.Columns || i == Rows)
                        {
                            Mark(i, j, groups == GroupAxis.Columns ? SuppressionReason.SmallGroup : SuppressionReason.Primary);
                        }
                    }
                }
            }

            // Primary: small interior cells (small margins were handled above).
            for (var i = 0; i < Rows; i++)
            {
                for (var j = 0; j < Columns; j++)
                {
                    if (_value[i, j] > 0 && _value[i, j] < t)
                    {
                        Mark(i, j, SuppressionReason.Primary);
                    }
                }
            }

            if (settings.ProtectUnanimousGroups)
            {
                MarkUnanimousGroups(groups, t);
            }

            // Complementary suppression until neither rule finds anything; each pass adds one cell, so this ends.
            while (FixSingleSuppressedLine() || FixBridge())
            {
            }
        }

        /// <summary>A group (a grid row when groups are rows, else a grid column) of at least the threshold whose
        /// respondents are all in one category has all its category cells suppressed.</summary>
        private void MarkUnanimousGroups(GroupAxis groups, int t)
        {
            var groupCount = groups == GroupAxis.Rows ? Rows : Columns;
            var categoryCount = groups == GroupAxis.Rows ? Columns : Rows;
            if (categoryCount < 2)
            {
                return;
            }

            for (var g = 0; g < groupCount; g++)
            {
                var cells = Enumerable.Range(0, categoryCount).Select(k => groups == GroupAxis.Rows ? (g, k) : (k, g)).ToList();
                var n = cells.Sum(c => _value[c.Item1, c.Item2]);
                if (n >= t && cells.Count(c => _value[c.Item1, c.Item2] > 0) == 1)
                {
                    foreach (var cell in cells)
                    {
                        Mark(cell, SuppressionReason.Unanimous);
                    }
                }
            }
        }

        /// <summary>Finds one line (grid row or grid column, margins included) with exactly one suppressed cell and
        /// suppresses its smallest available cell.</summary>
        private bool FixSingleSuppressedLine()
        {
            for (var i = 0; i <= Rows; i++)
            {
                var line = Enumerable.Range(0, Columns + 1).Select(j => (i, j)).ToList();
                if (line.Count(IsSuppressed) == 1)
                {
                    Mark(Smallest(line.Where(c => !IsSuppressed(c))), SuppressionReason.Complementary);
                    return true;
                }
            }

            for (var j = 0; j <= Columns; j++)
            {
                var line = Enumerable.Range(0, Rows + 1).Select(i => (i, j)).ToList();
                if (line.Count(IsSuppressed) == 1)
                {
                    Mark(Smallest(line.Where(c => !IsSuppressed(c))), SuppressionReason.Complementary);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Finds one suppressed cell that is a bridge of the suppression graph (so exactly computable from
        /// a combination of totals) and suppresses the smallest cell that puts it on a cycle.</summary>
        private bool FixBridge()
        {
            foreach (var (r, c) in SuppressedCells())
            {
                var fromRow = Reach(r, c, startIsRow: true);
                if (fromRow.Columns.Contains(c))
                {
                    continue;
                }

                var fromColumn = Reach(r, c, startIsRow: false);
                // Any cell (row on c's side, column on r's side) closes a cycle through (r, c). None of them is
                // suppressed, otherwise (r, c) would not be a bridge; both sides are non-empty because no line has
                // exactly one suppressed cell at this point.
                var candidates = fromColumn.Rows.SelectMany(x => fromRow.Columns.Select(y => (x, y))).ToList();
                if (candidates.Count == 0)
                {
                    continue;
                }

                Mark(Smallest(candidates), SuppressionReason.Complementary);
                return true;
            }

            return false;
        }

        /// <summary>The grid rows and grid columns reachable over suppressed cells from row <paramref name="r"/>
        /// (or column <paramref name="c"/>), not using cell (r, c) itself.</summary>
        private (HashSet<int> Rows, HashSet<int> Columns) Reach(int r, int c, bool startIsRow)
        {
            var rows = new HashSet<int>();
            var columns = new HashSet<int>();
            var queue = new Queue<(bool IsRow, int Index)>();
            if (startIsRow)
            {
                rows.Add(r);
                queue.Enqueue((true, r));
            }
            else
            {
                columns.Add(c);
                queue.Enqueue((false, c));
            }

            while (queue.Count > 0)
            {
                var (isRow, index) = queue.Dequeue();
                if (isRow)
                {
                    for (var j = 0; j <= Columns; j++)
                    {
                        if ((index, j) != (r, c) && IsSuppressed((index, j)) && columns.Add(j))
                        {
                            queue.Enqueue((false, j));
                        }
                    }
                }
                else
                {
                    for (var i = 0; i <= Rows; i++)
                    {
                        if ((i, index) != (r, c) && IsSuppressed((i, index)) && rows.Add(i))
                        {
                            queue.Enqueue((true, i));
                        }
                    }
                }
            }

            return (rows, columns);
        }

        private IEnumerable<(int Row, int Column)> SuppressedCells()
        {
            for (var i = 0; i <= Rows; i++)
            {
                for (var j = 0; j <= Columns; j++)
                {
                    if (_reason[i, j] != SuppressionReason.None)
                    {
                        yield return (i, j);
                    }
                }
            }
        }

        /// <summary>The smallest non-zero cell, or the first zero cell when there is no non-zero one; ties go to
        /// interior cells before margins, then to the first in row-major order.</summary>
        private (int Row, int Column) Smallest(IEnumerable<(int Row, int Column)> cells) =>
            cells
                .OrderBy(c => _value[c.Row, c.Column] == 0 ? 1 : 0)
                .ThenBy(c => _value[c.Row, c.Column])
                .ThenBy(c => c.Row == Rows || c.Column == Columns ? 1 : 0)
                .ThenBy(c => c.Row).ThenBy(c => c.Column)
                .First();

        private bool IsSuppressed((int Row, int Column) cell) => _reason[cell.Row, cell.Column] != SuppressionReason.None;

        private void Mark((int Row, int Column) cell, SuppressionReason reason) => Mark(cell.Row, cell.Column, reason);

        /// <summary>Suppresses a cell; a cell already suppressed keeps its first reason.</summary>
        private void Mark(int i, int j, SuppressionReason reason)
        {
            if (_reason[i, j] == SuppressionReason.None)
            {
                _reason[i, j] = reason;
            }
        }

        private void SetAll(SuppressionReason reason)
        {
            for (var i = 0; i <= Rows; i++)
            {
                for (var j = 0; j <= Columns; j++)
                {
                    _reason[i, j] = reason;
                }
            }
        }

        private ProtectedCell Margin(int i, int j)
        {
            var total = _value[Rows, Columns];
            return _reason[i, j] != SuppressionReason.None
                ? ProtectedCell.Suppressed(_reason[i, j])
                : ProtectedCell.Published(_value[i, j], _reason[Rows, Columns] == SuppressionReason.None ? total : null);
        }

        public ProtectedTable ToResult()
        {
            var cells = new List<IReadOnlyList<ProtectedTableCell>>(Rows);
            for (var i = 0; i < Rows; i++)
            {
                var row = new List<ProtectedTableCell>(Columns);
                for (var j = 0; j < Columns; j++)
                {
                    if (_reason[i, j] != SuppressionReason.None)
                    {
                        row.Add(new ProtectedTableCell(null, _reason[i, j], null, null));
                        continue;
                    }

                    var v = _value[i, j];
                    row.Add(new ProtectedTableCell(
                        v,
                        SuppressionReason.None,
                        Percent(v, i, Columns),
                        Percent(v, Rows, j)));
                }

                cells.Add(row);
            }

            return new ProtectedTable(
                cells,
                Enumerable.Range(0, Rows).Select(i => Margin(i, Columns)).ToList(),
                Enumerable.Range(0, Columns).Select(j => Margin(Rows, j)).ToList(),
                Margin(Rows, Columns));
        }

        private double? Percent(int value, int baseRow, int baseColumn) =>
            _reason[baseRow, baseColumn] == SuppressionReason.None && _value[baseRow, baseColumn] > 0
                ? 100.0 * value / _value[baseRow, baseColumn]
                : null;
    }
}
