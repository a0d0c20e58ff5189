using Weerbaar.Analysis.Risk;
using static Weerbaar.Analysis.Tests.Risk.RiskTestData;

namespace Weerbaar.Analysis.Tests.Risk;

public class RiskDiagramTests
{
    [Fact]
    public void Points_CarryPositionsAndErrorBars()
    {
        var method = RiskMethod.Default;
        var exact = Score(method, PowerOutage());
        var range = Score(method, Assessment("brug", "B–C", ("doden", "B-D"), ("kosten", "C")));

        var diagram = RiskDiagram.Build(method, [exact, range]);

        Assert.Equal(["A", "B", "C", "D", "E"], diagram.XAxis.Select(t => t.Class));
        Assert.Equal([1.0, 2, 3, 4, 5], diagram.XAxis.Select(t => t.Position));
        Assert.Equal("mogelijk", diagram.XAxis[2].Label);
        Assert.Equal(["beperkt", "aanzienlijk", "ernstig", "zeer ernstig", "catastrofaal"], diagram.YAxis.Select(t => t.Label));
        Assert.Equal("5 jaar", diagram.Period);

        var p = diagram.Points[0];
        Assert.Equal((3.0, 3.0, 3.0), (p.X, p.XMin, p.XMax));
        Assert.Equal(p.Y, p.YMin);
        Assert.Equal(p.Y, p.YMax);
        Assert.Equal(4.09925849294709, p.Y, 1e-9);
        Assert.Equal("zeer ernstig", p.ImpactLabel);

        // Brug: x from B (2) to C (3); y from 1 + log10(12.22…) = 2.087… to 1 + log10(122.22…) = 3.087…
        var q = diagram.Points[1];
        Assert.Equal((2.5, 2.0, 3.0), (q.X, q.XMin, q.XMax));
        Assert.Equal(1 + Math.Log10(110.0 / 9), q.YMin, 1e-9);
        Assert.Equal(1 + Math.Log10(1100.0 / 9), q.YMax, 1e-9);
        Assert.Equal(1 + Math.Log10(470.0 / 9), q.Y, 1e-9);
        Assert.Equal("aanzienlijk – ernstig", q.ImpactLabel);
        Assert.Equal("onwaarschijnlijk – mogelijk", q.LikelihoodLabel);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(1.0, 1.0)]
    [InlineData(10.0, 2.0)]
    [InlineData(1000.0, 4.0)]
    [InlineData(10000.0, 5.0)]
    [InlineData(1e6, 5.0)]
    public void Position_OnTheClassAxis(double score, double expected) =>
        Assert.Equal(expected, RiskScoring.Position(RiskMethod.Default, score), 1e-12);
}
