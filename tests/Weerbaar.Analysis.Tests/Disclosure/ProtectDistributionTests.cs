using Weerbaar.Analysis.Disclosure;

namespace Weerbaar.Analysis.Tests.Disclosure;

public class ProtectDistributionTests
{
    private const SuppressionReason None = SuppressionReason.None;
    private const SuppressionReason Primary = SuppressionReason.Primary;
    private const SuppressionReason Complementary = SuppressionReason.Complementary;

    [Fact]
    public void One_small_cell_gets_the_smallest_other_non_zero_cell_as_complement()
    {
        // B1 in one peer group, answers 1..5 = [2, 8, 12, 20, 6], n = 48, threshold 5.
        // Primary: "1" (2 < 5). Only one cell suppressed, so 48 − (8 + 12 + 20 + 6) = 2 would give it away:
        // suppress the smallest other non-zero cell, "5" (6). Reader now knows only "1" + "5" = 8.
        // Percentages of 48: 8 → 16.67 %, 12 → 25 %, 20 → 41.67 %.
        var result = CellSuppression.ProtectDistribution([2, 8, 12, 20, 6]);

        Assert.Equal([Primary, None, None, None, Complementary], result.Cells.Select(c => c.Reason));
        Assert.Equal([null, 8, 12, 20, null], result.Cells.Select(c => c.Count));
        Assert.Equal(48, result.Total.Count);
        Assert.Equal(100.0 * 8 / 48, result.Cells[1].Percentage!.Value, 10);
        Assert.Equal(25.0, result.Cells[2].Percentage!.Value, 10);
        Assert.Equal(100.0 * 20 / 48, result.Cells[3].Percentage!.Value, 10);
        Assert.Null(result.Cells[0].Percentage);
        Assert.Null(result.Cells[4].Percentage);
        Assert.Equal(["<5", "8", "12", "20", "x"], result.Cells.Select(c => c.Label(5)));
    }

    [Fact]
    public void Two_small_cells_protect_each_other_and_zeros_stay_published()
    {
        // [3, 1, 10, 15, 0], n = 29: "1" and "2" are primary; 29 − 25 = 4 gives only their sum (both unknown),
        // so no complement. The zero is published: "nobody of these 29 answered 5" singles out no-one.
        var result = CellSuppression.ProtectDistribution([3, 1, 10, 15, 0]);

        Assert.Equal([Primary, Primary, None, None, None], result.Cells.Select(c => c.Reason));
        Assert.Equal(0, result.Cells[4].Count);
        Assert.Equal(0.0, result.Cells[4].Percentage);
        Assert.Equal(29, result.Total.Count);
    }

    [Fact]
    public void A_group_of_one_respondent_is_withheld_entirely()
    {
        // One gemeente in the peer group answered "3": every cell, the zeros and the total are suppressed.
        var result = CellSuppression.ProtectDistribution([0, 0, 1, 0, 0]);

        Assert.All(result.Cells, c => Assert.Equal(SuppressionReason.SmallGroup, c.Reason));
        Assert.All(result.Cells, c => Assert.Null(c.Count));
        Assert.Equal(SuppressionReason.SmallGroup, result.Total.Reason);
        Assert.Null(result.Total.Count);
        Assert.Null(result.Total.Percentage);
        Assert.Equal("<5", result.Total.Label(5));
    }

    [Fact]
    public void A_distribution_without_small_cells_is_published_as_is()
    {
        // [5, 10, 7, 0, 9], n = 31: nothing below 5, the zero is published.
        var result = CellSuppression.ProtectDistribution([5, 10, 7, 0, 9]);

        Assert.All(result.Cells, c => Assert.False(c.IsSuppressed));
        Assert.Equal([5, 10, 7, 0, 9], result.Cells.Select(c => c.Count));
        Assert.Equal(100.0 * 5 / 31, result.Cells[0].Percentage!.Value, 10);
        Assert.Equal(100.0, result.Total.Percentage);
    }

    [Fact]
    public void A_unanimous_group_hides_its_distribution_but_not_its_size()
    {
        // All 7 gemeenten of the group answered "3": the cell 7 with zeros around it would tell each one's answer.
        var result = CellSuppression.ProtectDistribution([0, 0, 7, 0, 0]);

        Assert.All(result.Cells, c => Assert.Equal(SuppressionReason.Unanimous, c.Reason));
        Assert.Equal(7, result.Total.Count);

        var off = CellSuppression.ProtectDistribution([0, 0, 7, 0, 0], new DisclosureSettings { ProtectUnanimousGroups = false });
        Assert.All(off.Cells, c => Assert.False(c.IsSuppressed));
    }

    [Fact]
    public void An_empty_group_is_published_as_zeros()
    {
        var result = CellSuppression.ProtectDistribution([0, 0, 0]);

        Assert.All(result.Cells, c => Assert.Equal(0, c.Count));
        Assert.All(result.Cells, c => Assert.Null(c.Percentage));
        Assert.Equal(0, result.Total.Count);
    }

    [Fact]
    public void The_threshold_is_a_setting()
    {
        // Threshold 10: [6, 20, 30] → 6 is primary, complement 20 (smallest other non-zero).
        var settings = new DisclosureSettings { Threshold = 10 };
        var result = CellSuppression.ProtectDistribution([6, 20, 30], settings);

        Assert.Equal([Primary, Complementary, None], result.Cells.Select(c => c.Reason));
        Assert.Equal("<10", result.Cells[0].Label(settings.Threshold));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureSettings { Threshold = 0 });
    }

    [Fact]
    public void Ties_for_the_complement_go_to_the_first_cell()
    {
        // [4, 9, 9]: primary "4"; both others are 9, the first is taken.
        var result = CellSuppression.ProtectDistribution([4, 9, 9]);
        Assert.Equal([Primary, Complementary, None], result.Cells.Select(c => c.Reason));
    }

    [Fact]
    public void Negative_counts_are_rejected() =>
        Assert.Throws<ArgumentException>(() => CellSuppression.ProtectDistribution([1, -1]));

    [Fact]
    public void Random_distributions_never_leave_a_single_suppressed_cell()
    {
        var random = new Random(20260407);
        for (var run = 0; run < 2000; run++)
        {
            var counts = Enumerable.Range(0, random.Next(1, 8)).Select(_ => SmallBiased(random)).ToArray();
            var t = random.Next(2, 7);
            var result = CellSuppression.ProtectDistribution(counts, new DisclosureSettings { Threshold = t });
            var n = counts.Sum();

            for (var i = 0; i < counts.Length; i++)
            {
                var cell = result.Cells[i];
                if (counts[i] > 0 && counts[i] < t)
                {
                    Assert.True(cell.IsSuppressed);
                }

                Assert.True(cell.IsSuppressed ? cell.Count is null && cell.Percentage is null : cell.Count == counts[i]);
            }

            if (!result.Total.IsSuppressed)
            {
                // total − published cells = sum of suppressed ones; with exactly one suppressed it would be exact.
                Assert.NotEqual(1, result.Cells.Count(c => c.IsSuppressed));
                Assert.Equal(n, result.Total.Count);
            }
            else
            {
                Assert.InRange(n, 1, t - 1);
                Assert.All(result.Cells, c => Assert.True(c.IsSuppressed));
            }
        }
    }

    /// <summary>Many zeros and small counts, some large ones.</summary>
    internal static int SmallBiased(Random random) => random.Next(4) switch
    {
        0 => 0,
        1 => random.Next(1, 5),
        _ => random.Next(0, 30),
    };
}
