using Weerbaar.Analysis.Coverage;

namespace Weerbaar.Analysis.Tests.Coverage;

/// <summary>
/// A small gemeente worked by hand. Everything lies on the meridian 5°E, so a distance is |Δlatitude| × 111,195.08 m
/// per degree (R = 6,371,008.8 m), times the detour factor 1.3:
/// points P0 at 52.000, P1 at 52.020, P2 without coordinates;
/// A 52.005 (1,000 residents): P0 at 0.005° = 555.98 m × 1.3 = 722.77 m → covered;
/// B 52.010 (2,000): P0 and P1 both at 1,111.95 × 1.3 = 1,445.54 m → not covered (the first point wins the tie);
/// C 52.019 (500, class 4): P1 at 111.195 × 1.3 = 144.55 m → covered;
/// D no location (300);
/// E 52.060 (700, class 4): P1 at 0.040° = 4,447.80 × 1.3 = 5,782.14 m → not covered, beyond 5 × the norm.
/// </summary>
public class CoverageModelTests
{
    private static readonly CoveragePoint[] Points = [new("P0", 52.000, 5.0), new("P1", 52.020, 5.0), new("P2", null, null)];

    private static readonly CoverageArea[] Areas =
    [
        new("A", 1000, 52.005, 5.0, 50, false),
        new("B", 2000, 52.010, 5.0, 100, false),
        new("C", 500, 52.019, 5.0, 40, true),
        new("D", 300, null, null, 10, false),
        new("E", 700, 52.060, 5.0, 30, true),
    ];

    [Fact]
    public void Nearest_point_and_distance_per_buurt()
    {
        var r = CoverageModel.Compute(4600, Areas, Points, CoverageNorms.Default);
        var byCode = r.Areas.ToDictionary(a => a.Code);
        Assert.Equal((0, 722.77, true), (byCode["A"].NearestPoint!.Value, Math.Round(byCode["A"].DistanceMeters!.Value, 2), byCode["A"].Covered));
        Assert.Equal((0, 1445.54, false), (byCode["B"].NearestPoint!.Value, Math.Round(byCode["B"].DistanceMeters!.Value, 2), byCode["B"].Covered));
        Assert.Equal((1, 144.55, true), (byCode["C"].NearestPoint!.Value, Math.Round(byCode["C"].DistanceMeters!.Value, 2), byCode["C"].Covered));
        Assert.False(byCode["D"].HasLocation);
        Assert.Null(byCode["D"].DistanceMeters);
        Assert.Equal(5782.14, Math.Round(byCode["E"].DistanceMeters!.Value, 2));
    }

    [Fact]
    public void Totals_against_both_norms()
    {
        var r = CoverageModel.Compute(4600, Areas, Points, CoverageNorms.Default);
        Assert.Equal(4200, r.ResidentsLocated);
        Assert.Equal(1500, r.ResidentsCovered);
        Assert.Equal(1500.0 / 4200, r.ShareCovered!.Value, 12);
        Assert.Equal((1, 300), (r.AreasWithoutLocation, r.ResidentsWithoutLocation));
        Assert.Equal((3, 1), (r.Points, r.PointsWithoutLocation));
        Assert.Equal((220.0, 90.0), (r.NotSelfReliantLocated, r.NotSelfReliantCovered));
        Assert.Equal((1200, 500), (r.HighVulnerabilityResidents, r.HighVulnerabilityCovered));
        Assert.Equal(4600.0 / 3, r.ResidentsPerPoint!.Value, 12);
        // ⌈4,600 / 4,000⌉ = 2 needed, 3 there.
        Assert.Equal((2, 0), (r.PointsNeeded, r.PointsMissing));
    }

    [Fact]
    public void Stricter_norms_ask_for_more_points_and_cover_fewer()
    {
        var r = CoverageModel.Compute(4600, Areas, Points, new CoverageNorms(500, 1.0, 1000));
        // Without detour A is 555.98 m: beyond 500 m now; C (111.2 m) is still covered.
        Assert.Equal(500, r.ResidentsCovered);
        Assert.Equal((5, 2), (r.PointsNeeded, r.PointsMissing));
    }

    [Fact]
    public void Distance_bands_hold_every_located_resident_once()
    {
        var r = CoverageModel.Compute(4600, Areas, Points, CoverageNorms.Default);
        Assert.Equal([500.0, 1000, 2000, 5000, null], r.Bands.Select(b => b.UpToMeters));
        Assert.Equal([500, 1000, 2000, 0, 700], r.Bands.Select(b => b.Residents));
        Assert.Equal(r.ResidentsLocated, r.Bands.Sum(b => b.Residents));
    }

    [Fact]
    public void Without_located_points_nobody_is_covered_and_shares_stay_defined()
    {
        var r = CoverageModel.Compute(4600, Areas, [new("P2", null, null)], CoverageNorms.Default);
        Assert.Equal(0, r.ResidentsCovered);
        Assert.Equal(0, r.ShareCovered);
        Assert.All(r.Areas, a => Assert.Null(a.NearestPoint));
        Assert.Equal(4200, r.Bands[^1].Residents);
        Assert.Null(CoverageModel.Compute(0, [], [], CoverageNorms.Default).ShareCovered);
    }

    [Theory]
    [InlineData(0, 4000, 0)]
    [InlineData(1, 4000, 1)]
    [InlineData(4000, 4000, 1)]
    [InlineData(4001, 4000, 2)]
    [InlineData(361_924, 4000, 91)]
    public void Points_needed_rounds_up(int residents, int norm, int needed) => Assert.Equal(needed, CoverageModel.PointsNeeded(residents, norm));
}
