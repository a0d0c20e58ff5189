using Weerbaar.Analysis.Disclosure;

namespace Weerbaar.Analysis.Tests.Disclosure;

public class ProtectTableTests
{
    [Fact]
    public void A_table_without_small_cells_is_published_with_percentages()
    {
        //          P1  P2  P3 | total
        // cat1:    10   8   6 |  24
        // cat2:     7   9  12 |  28
        // cat3:     5   6  11 |  22
        // total:   22  23  29 |  74
        int[][] counts = [[10, 8, 6], [7, 9, 12], [5, 6, 11]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Columns);

        Assert.Equal(0, result.SuppressedCount);
        Assert.Equal([24, 28, 22], result.RowTotals.Select(c => c.Count));
        Assert.Equal([22, 23, 29], result.ColumnTotals.Select(c => c.Count));
        Assert.Equal(74, result.GrandTotal.Count);
        Assert.Equal(100.0 * 10 / 24, result.Cells[0][0].RowPercentage!.Value, 10);
        Assert.Equal(100.0 * 10 / 22, result.Cells[0][0].ColumnPercentage!.Value, 10);
        Assert.Equal(100.0 * 29 / 74, result.ColumnTotals[2].Percentage!.Value, 10);
    }

    [Fact]
    public void Complementary_suppression_cascades_around_the_table()
    {
        //          P1  P2  P3 | total
        // cat1:     3   9  12 |  24
        // cat2:     8  10   7 |  25
        // cat3:     6  11   9 |  26
        // total:   17  30  28 |  75
        // Primary: (cat1,P1) = 3. Then, each time the first line with exactly one suppressed cell gets its
        // smallest other non-zero cell (rows are scanned before columns, margins count as cells of their line):
        //   row cat1 has only 3     → smallest of 9, 12, 24        = 9  (cat1,P2)
        //   column P1 has only 3    → smallest of 8, 6, 17         = 6  (cat3,P1)
        //   row cat3 has only 6     → smallest of 11, 9, 26        = 9  (cat3,P3)
        //   column P2 has only 9    → smallest of 10, 11, 30       = 10 (cat2,P2)
        //   row cat2 has only 10    → smallest of 8, 7, 25         = 7  (cat2,P3)
        // Now every row and column has two suppressed cells, forming the cycle
        // cat1-P1-cat3-P3-cat2-P2-cat1, so none of them follows from the totals. Published: 8, 11, 12 and all margins.
        int[][] counts = [[3, 9, 12], [8, 10, 7], [6, 11, 9]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Columns);

        const SuppressionReason P = SuppressionReason.Primary, C = SuppressionReason.Complementary, N = SuppressionReason.None;
        Assert.Equal([P, C, N], result.Cells[0].Select(c => c.Reason));
        Assert.Equal([N, C, C], result.Cells[1].Select(c => c.Reason));
        Assert.Equal([C, N, C], result.Cells[2].Select(c => c.Reason));
        Assert.Equal(8, result.Cells[1][0].Count);
        Assert.Equal(100.0 * 8 / 25, result.Cells[1][0].RowPercentage!.Value, 10);
        Assert.All(result.RowTotals, c => Assert.False(c.IsSuppressed));
        Assert.All(result.ColumnTotals, c => Assert.False(c.IsSuppressed));
        Assert.Equal(75, result.GrandTotal.Count);
        TableAudit.AssertSafe(counts, result);
    }

    [Fact]
    public void One_suppressed_cell_per_line_is_not_enough_a_bridge_is_closed()
    {
        //          c0  c1  c2  c3 | total
        // r0:       2   3   4  20 |  29
        // r1:       1   2  15  18 |  36
        // r2:      12  14   3   1 |  30
        // r3:      16  11   2   4 |  33
        // total:   31  30  24  43 | 128
        // The nine primary cells leave every row and column with two or three suppressed cells, yet (r0,c2) is
        // computable: (row r0) − (column c0) − (column c1) + (row r1) = x(r0,c2), all from published numbers,
        // because in the graph of suppressed cells (r0,c2) is the only link between the block r0..r1 × c0..c1 and
        // the block r2..r3 × c2..c3. Closing a cycle through it needs a cell in rows r2..r3 × columns c0..c1:
        // the smallest of 12, 14, 16, 11 is 11 at (r3,c1).
        int[][] counts = [[2, 3, 4, 20], [1, 2, 15, 18], [12, 14, 3, 1], [16, 11, 2, 4]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Columns);

        Assert.Equal(SuppressionReason.Complementary, result.Cells[3][1].Reason);
        Assert.Equal(10, result.SuppressedCount);
        Assert.Equal([null, null, null, 20], result.Cells[0].Select(c => c.Count));
        TableAudit.AssertSafe(counts, result);
    }

    [Fact]
    public void A_table_of_one_respondent_is_withheld_entirely()
    {
        int[][] counts = [[0, 1], [0, 0]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Columns);

        Assert.Equal(9, result.SuppressedCount);
        Assert.All(result.Cells.SelectMany(r => r), c => Assert.Equal(SuppressionReason.SmallGroup, c.Reason));
        Assert.Equal(SuppressionReason.SmallGroup, result.GrandTotal.Reason);
    }

    [Fact]
    public void A_small_province_is_withheld_with_its_zeros_and_protected_by_the_others()
    {
        //          P1  P2  P3 | total
        // cat1:    10   2   8 |  20
        // cat2:    12   1   9 |  22
        // cat3:     6   0   7 |  13
        // total:   28   3  24 |  55
        // P2 has 3 respondents (< 5): its cells, its zero and its total are withheld (small group).
        // Rows now each have one suppressed cell:
        //   cat1 → smallest of 10, 8, 20   = 8  (cat1,P3)
        //   cat2 → smallest of 12, 9, 22   = 9  (cat2,P3)
        //   cat3 → smallest of 6, 7, 13    = 6  (cat3,P1)
        //   total row (3) → smallest of 28, 24, 55 = 24 (P3 total)
        //   column P1 has only (cat3,P1) → smallest of 10, 12, 28 = 10 (cat1,P1)
        // Then every line has 0 or at least 2 suppressed cells and they form cycles: 9 suppressed in all.
        // Published: (cat2,P1) = 12, (cat3,P3) = 7, the row totals, P1's total 28 and the grand total.
        int[][] counts = [[10, 2, 8], [12, 1, 9], [6, 0, 7]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Columns);

        Assert.All(result.Cells, row => Assert.Equal(SuppressionReason.SmallGroup, row[1].Reason));
        Assert.Equal(SuppressionReason.SmallGroup, result.ColumnTotals[1].Reason);
        Assert.Equal([true, true, false], result.Cells.Select(r => r[2].IsSuppressed));
        Assert.Equal([true, false, true], result.Cells.Select(r => r[0].IsSuppressed));
        Assert.Equal(12, result.Cells[1][0].Count);
        Assert.Equal(7, result.Cells[2][2].Count);
        Assert.Equal(SuppressionReason.Complementary, result.ColumnTotals[2].Reason);
        Assert.Equal([28, null, null], result.ColumnTotals.Select(c => c.Count));
        Assert.Equal([20, 22, 13], result.RowTotals.Select(c => c.Count));
        Assert.Equal(55, result.GrandTotal.Count);
        Assert.Equal(9, result.SuppressedCount);
        TableAudit.AssertSafe(counts, result);
    }

    [Fact]
    public void The_group_axis_decides_what_a_small_line_is()
    {
        // Same table, groups as rows: column P2 (total 3) is now a small answer category, not a group: its
        // non-zero cells and its total are primary, its zero (cat3,P2) stays published.
        int[][] counts = [[10, 2, 8], [12, 1, 9], [6, 0, 7]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Rows);

        Assert.Equal(SuppressionReason.Primary, result.Cells[0][1].Reason);
        Assert.Equal(SuppressionReason.Primary, result.ColumnTotals[1].Reason);
        Assert.Equal(0, result.Cells[2][1].Count);
        TableAudit.AssertSafe(counts, result);
    }

    [Fact]
    public void A_unanimous_province_is_hidden()
    {
        // P2: all 9 gemeenten answered cat2. Its category cells are suppressed (zeros too), its total 9 stays.
        int[][] counts = [[10, 0, 8], [12, 9, 9], [6, 0, 7]];
        var result = CellSuppression.ProtectTable(counts, GroupAxis.Columns);

        Assert.All(result.Cells, row => Assert.Equal(SuppressionReason.Unanimous, row[1].Reason));
        Assert.Equal(9, result.ColumnTotals[1].Count);
        TableAudit.AssertSafe(counts, result);
    }

    [Fact]
    public void Ragged_and_empty_tables_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => CellSuppression.ProtectTable([], GroupAxis.Rows));
        Assert.Throws<ArgumentException>(() => CellSuppression.ProtectTable([[1, 2], [3]], GroupAxis.Rows));
        Assert.Throws<ArgumentException>(() => CellSuppression.ProtectTable([[1, -2]], GroupAxis.Rows));
    }

    [Fact]
    public void Random_tables_leave_no_suppressed_cell_computable()
    {
        var random = new Random(342);
        for (var run = 0; run < 600; run++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 7);
            var counts = Enumerable.Range(0, rows)
                .Select(_ => Enumerable.Range(0, columns).Select(_ => ProtectDistributionTests.SmallBiased(random)).ToArray())
                .ToArray();
            var settings = new DisclosureSettings { Threshold = random.Next(2, 7), ProtectUnanimousGroups = random.Next(2) == 0 };
            var axis = random.Next(2) == 0 ? GroupAxis.Rows : GroupAxis.Columns;

            var result = CellSuppression.ProtectTable(counts, axis, settings);

            TableAudit.AssertSafe(counts, result, settings.Threshold);
        }
    }
}

/// <summary>Checks a protected table independently of how it was protected.</summary>
internal static class TableAudit
{
    public static void AssertSafe(int[][] counts, ProtectedTable result, int threshold = DisclosureSettings.DefaultThreshold)
    {
        var rows = counts.Length;
        var columns = counts[0].Length;

        // The grid with margins: [i][columns] row totals, [rows][j] column totals, [rows][columns] grand total.
        var value = new int[rows + 1, columns + 1];
        var suppressed = new bool[rows + 1, columns + 1];
        for (var i = 0; i <= rows; i++)
        {
            for (var j = 0; j <= columns; j++)
            {
                value[i, j] = i < rows && j < columns ? counts[i][j]
                    : i < rows ? counts[i].Sum()
                    : j < columns ? counts.Sum(r => r[j])
                    : counts.Sum(r => r.Sum());
                var (count, isSuppressed) = i < rows && j < columns ? (result.Cells[i][j].Count, result.Cells[i][j].IsSuppressed)
                    : i < rows ? (result.RowTotals[i].Count, result.RowTotals[i].IsSuppressed)
                    : j < columns ? (result.ColumnTotals[j].Count, result.ColumnTotals[j].IsSuppressed)
                    : (result.GrandTotal.Count, result.GrandTotal.IsSuppressed);
                suppressed[i, j] = isSuppressed;

                // Published numbers are the true ones; every small non-zero number is suppressed.
                Assert.Equal(isSuppressed ? null : value[i, j], count);
                if (value[i, j] > 0 && value[i, j] < threshold)
                {
                    Assert.True(isSuppressed, $"small cell ({i},{j}) = {value[i, j]} published");
                }
            }
        }

        // No row or column (margins included) has exactly one suppressed cell.
        for (var i = 0; i <= rows; i++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, columns + 1).Count(j => suppressed[i, j]));
        }

        for (var j = 0; j <= columns; j++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, rows + 1).Count(i => suppressed[i, j]));
        }

        // No suppressed cell follows from the published numbers by any combination of the additive relations:
        // with unknowns = suppressed cells and one equation per line (interior cells − margin cell = 0), a cell is
        // determined exactly when its unit vector lies in the row space of the equations.
        var unknowns = new List<(int I, int J)>();
        for (var i = 0; i <= rows; i++)
        {
            for (var j = 0; j <= columns; j++)
            {
                if (suppressed[i, j])
                {
                    unknowns.Add((i, j));
                }
            }
        }

        if (unknowns.Count == 0)
        {
            return;
        }

        var equations = new List<double[]>();
        for (var i = 0; i <= rows; i++)
        {
            equations.Add(unknowns.Select(u => u.I != i ? 0.0 : u.J == columns ? -1.0 : 1.0).ToArray());
        }

        for (var j = 0; j <= columns; j++)
        {
            equations.Add(unknowns.Select(u => u.J != j ? 0.0 : u.I == rows ? -1.0 : 1.0).ToArray());
        }

        var rank = Rank(equations);
        for (var k = 0; k < unknowns.Count; k++)
        {
            var unit = new double[unknowns.Count];
            unit[k] = 1;
            Assert.True(
                Rank([.. equations, unit]) > rank,
                $"suppressed cell {unknowns[k]} = {value[unknowns[k].I, unknowns[k].J]} is computable from the totals");
        }
    }

    private static int Rank(List<double[]> matrix)
    {
        var m = matrix.Select(r => (double[])r.Clone()).ToArray();
        var rank = 0;
        var width = m.Length == 0 ? 0 : m[0].Length;
        for (var column = 0; column < width && rank < m.Length; column++)
        {
            var pivot = Enumerable.Range(rank, m.Length - rank).OrderByDescending(r => Math.Abs(m[r][column])).First();
            if (Math.Abs(m[pivot][column]) < 1e-9)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = 0; r < m.Length; r++)
            {
                if (r != rank && Math.Abs(m[r][column]) > 1e-12)
                {
                    var factor = m[r][column] / m[rank][column];
                    for (var c = column; c < width; c++)
                    {
                        m[r][c] -= factor * m[rank][c];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
