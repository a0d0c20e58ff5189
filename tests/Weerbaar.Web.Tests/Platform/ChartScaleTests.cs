using Weerbaar.Web.Shared.Charts;

namespace Weerbaar.Web.Tests.Platform;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(1.0, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(101, new[] { 0, 50, 100, 150.0 })]
    [InlineData(7, new[] { 0, 2, 4, 6, 8.0 })]
    [InlineData(0, new[] { 0, 1.0 })]
    public void Nice_ticks_are_round_and_cover_the_maximum(double max, double[] expected)
        => Assert.Equal(expected, ChartScale.NiceTicks(max));
}
