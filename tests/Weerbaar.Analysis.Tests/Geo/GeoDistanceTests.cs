using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Tests.Geo;

public class GeoDistanceTests
{
    [Fact]
    public void Zero_for_the_same_point() => Assert.Equal(0, GeoDistance.HaversineMeters(52.09, 5.12, 52.09, 5.12));

    [Fact]
    public void One_degree_of_latitude_is_about_111_km()
        // R·π/180 with R = 6,371,008.8 m: 111,195.08 m (hand-worked).
        => Assert.Equal(111_195.08, GeoDistance.HaversineMeters(52, 5, 53, 5), 0.01);

    [Fact]
    public void Utrecht_Dom_to_Amsterdam_Dam_matches_a_reference_calculation()
    {
        // 52.0907,5.1214 → 52.3731,4.8926; python math with the same radius: 35,054.963 m.
        var d = GeoDistance.HaversineMeters(52.0907, 5.1214, 52.3731, 4.8926);
        Assert.Equal(35_054.963, d, 0.001);
        Assert.Equal(d, GeoDistance.HaversineMeters(52.3731, 4.8926, 52.0907, 5.1214), 1e-6);
    }
}
