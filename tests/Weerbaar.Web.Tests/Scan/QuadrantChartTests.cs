using Weerbaar.Web.Shared.Charts;

namespace Weerbaar.Web.Tests.Scan;

public sealed class QuadrantChartTests
{
    [Fact]
    public void A_gap_is_below_the_average_score_and_above_the_average_priority()
    {
        // Averages: score 6.0, rank 3.5. Rank 2 (high priority) with score 5: a gap; rank 5 with score 5: low on both.
        Assert.True(QuadrantChart.IsGap(new("EC", 5.0, 2.0), 6.0, 3.5));
        Assert.False(QuadrantChart.IsGap(new("SO", 5.0, 5.0), 6.0, 3.5));
        Assert.False(QuadrantChart.IsGap(new("CO", 7.0, 2.0), 6.0, 3.5));
    }
}
