using Weerbaar.Analysis.Layout;

namespace Weerbaar.Analysis.Tests.Layout;

public class ColumnWidthsTests
{
    [Fact]
    public void When_the_longest_lines_fit_each_column_gets_its_line_and_a_proportional_share_of_the_rest()
    {
        // Max 1000 + 300 = 1300 of 2000: the 700 left go 1000:300 → 1538.46 and 461.54; rounding gives the lost twip to the larger remainder.
        Assert.Equal([1538, 462], ColumnWidths.Distribute([new(100, 1000), new(200, 300)], 2000));
    }

    [Fact]
    public void When_they_do_not_fit_the_room_above_the_minimums_goes_to_the_columns_that_want_more()
    {
        // Minimums 300 of 800: the 500 left go 900:100 (how much more each wants) → 100 + 450 and 200 + 50.
        Assert.Equal([550, 250], ColumnWidths.Distribute([new(100, 1000), new(200, 300)], 800));
    }

    [Fact]
    public void No_column_is_ever_narrower_than_its_longest_word_when_the_words_fit()
    {
        var needs = new ColumnNeed[] { new(900, 9000), new(700, 800), new(1200, 1300), new(400, 20000), new(650, 650) };
        var widths = ColumnWidths.Distribute(needs, 9000);
        Assert.Equal(9000, widths.Sum());
        Assert.All(widths.Zip(needs), p => Assert.True(p.First >= p.Second.Min, $"{p.First} < {p.Second.Min}"));
    }

    [Fact]
    public void A_table_too_wide_for_portrait_goes_landscape_and_one_too_wide_for_landscape_is_split()
    {
        var fits = ColumnWidths.Plan([new(3000, 5000), new(3000, 3000)], 9000, 14000, alreadyLandscape: false);
        Assert.False(fits.Landscape);
        Assert.Single(fits.Parts);

        var wide = ColumnWidths.Plan([new(3000, 5000), new(3000, 3000), new(4000, 4000)], 9000, 14000, alreadyLandscape: false);
        Assert.True(wide.Landscape);
        Assert.Equal([0, 1, 2], wide.Parts.Single().Columns);
        Assert.Equal(14000, wide.Parts.Single().Widths.Sum());

        // 3000 + 5 × 3000 = 18000 > 14000: parts of the first column plus three others (12000), then the rest (9000).
        var split = ColumnWidths.Plan([new(3000, 3000), new(3000, 3000), new(3000, 3000), new(3000, 3000), new(3000, 3000), new(3000, 3000)], 9000, 14000, false);
        Assert.True(split.Landscape);
        Assert.Equal([[0, 1, 2, 3], [0, 4, 5]], split.Parts.Select(p => p.Columns.ToArray()).ToArray());
        Assert.All(split.Parts, p => Assert.All(p.Widths, w => Assert.True(w >= 3000)));

        // A figure's table may not turn the page: it splits on the portrait width instead.
        var kept = ColumnWidths.Plan([new(3000, 5000), new(3000, 3000), new(4000, 4000)], 9000, 14000, false, mayTurn: false);
        Assert.False(kept.Landscape);
        Assert.Equal([[0, 1], [0, 2]], kept.Parts.Select(p => p.Columns.ToArray()).ToArray());
    }

    [Fact]
    public void Text_widths_follow_calibris_advance_widths()
    {
        // Digits are 1038/2048 em: "0" at 10 pt is 1038/2048 × 200 twips = 101.37.
        Assert.Equal(101.37, TextMeasure.Twips("0", 10), 0.01);
        // "10,5 %" kept whole: 3 × 1038 + 511 (comma) + 463 (space) + 1464 (percent) = 5552 units → 542.19 twips.
        Assert.Equal(542.19, TextMeasure.LongestWord("10,5 %", 10, whole: true), 0.01);
        // Broken at the space, the longest word is "10,5": 3625 units → 354.0 twips.
        Assert.Equal(354.00, TextMeasure.LongestWord("10,5 %", 10), 0.01);
        Assert.Equal(TextMeasure.Twips("e", 10), TextMeasure.Twips("é", 10));
        Assert.True(TextMeasure.Twips("matige", 10, bold: true) > TextMeasure.Twips("matige", 10));
    }
}
