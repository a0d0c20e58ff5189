using Weerbaar.Analysis.Disclosure;

namespace Weerbaar.Analysis.Tests.Disclosure;

public class GroupSuppressionTests
{
    [Fact]
    public void Groups_of_at_least_the_threshold_are_published()
        => Assert.Equal([false, false, false], GroupSuppression.Protect([5, 12, 40]));

    [Fact]
    public void Empty_groups_are_not_withheld()
        => Assert.Equal([false, false], GroupSuppression.Protect([0, 9]));

    [Fact]
    public void A_single_small_group_takes_the_smallest_other_group_with_it()
    {
        // Sizes 3, 8, 6, 20: group 0 is small; withheld alone its sum = overall − published sums, so the smallest other
        // non-empty group (6) goes too; together 3 + 6 = 9 ≥ 5.
        Assert.Equal([true, false, true, false], GroupSuppression.Protect([3, 8, 6, 20]));
    }

    [Fact]
    public void Two_small_groups_that_together_stay_below_the_threshold_take_a_third()
    {
        // 1 + 2 = 3 < 5: the pair together would still reveal about 3 gemeenten; add the smallest published group (7).
        Assert.Equal([true, true, false, true], GroupSuppression.Protect([1, 2, 9, 7]));
    }

    [Fact]
    public void Two_small_groups_that_together_reach_the_threshold_suffice()
        => Assert.Equal([true, true, false], GroupSuppression.Protect([2, 3, 30]));

    [Fact]
    public void Everything_is_withheld_when_the_whole_is_small()
        => Assert.Equal([true, true], GroupSuppression.Protect([1, 2]));

    [Fact]
    public void The_threshold_is_a_setting()
        => Assert.Equal([true, false, true], GroupSuppression.Protect([9, 30, 12], new DisclosureSettings { Threshold = 10 }));

    [Fact]
    public void Overall_distribution_publishes_small_cells_of_a_large_group()
    {
        var d = GroupSuppression.ProtectOverall([2, 10, 30, 50, 9]);
        Assert.Equal([2, 10, 30, 50, 9], d.Cells.Select(c => c.Count));
        Assert.Equal(100.0 * 2 / 101, d.Cells[0].Percentage!.Value, 12);
        Assert.Equal(101, d.Total.Count);
    }

    [Fact]
    public void Overall_distribution_of_fewer_than_five_is_withheld_entirely()
    {
        var d = GroupSuppression.ProtectOverall([0, 1, 0, 0, 0]);
        Assert.All(d.Cells, c => Assert.Equal(SuppressionReason.SmallGroup, c.Reason));
        Assert.True(d.Total.IsSuppressed);
    }

    [Fact]
    public void Overall_distribution_withholds_a_unanimous_answer_but_keeps_n()
    {
        var d = GroupSuppression.ProtectOverall([0, 0, 7, 0, 0]);
        Assert.All(d.Cells, c => Assert.Equal(SuppressionReason.Unanimous, c.Reason));
        Assert.Equal(7, d.Total.Count);
    }

    [Fact]
    public void Overall_distribution_of_nobody_is_zeros()
        => Assert.All(GroupSuppression.ProtectOverall([0, 0, 0]).Cells, c => Assert.Equal(0, c.Count));

    [Fact]
    public void Overall_distribution_from_a_small_round_is_withheld_even_when_nobody_answered()
    {
        Assert.All(GroupSuppression.ProtectOverall([0, 0, 0], groupSize: 3).Cells, c => Assert.Equal(SuppressionReason.SmallGroup, c.Reason));
        Assert.Equal([0, 0, 0], GroupSuppression.ProtectOverall([0, 0, 0], groupSize: 40).Cells.Select(c => c.Count));
    }
}
