using Weerbaar.Analysis.Geo;

namespace Weerbaar.Analysis.Tests.Geo;

public class MapProjectionTests
{
    private static double Metres(MapProjection p, (double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        var (x1, y1) = p.ToPixel(a.Lat, a.Lon);
        var (x2, y2) = p.ToPixel(b.Lat, b.Lon);
        return Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1)) * p.MetresPerPixel;
    }

    [Fact]
    public void A_tenth_of_a_degree_east_at_52_degrees_is_the_hand_worked_distance()
    {
        // R·0.1·π/180·cos 52° with R = 6,371,008.8 m: 11,119.51 m × 0.615661 = 6,845.85 m (hand-worked).
        var p = new MapProjection(51.9, 5.0, 52.1, 5.3, 600, 2000, 10);
        Assert.Equal(6_845.85, Metres(p, (52, 5.0), (52, 5.1)), 0.5);
        // North–south: R·0.1·π/180 = 11,119.51 m.
        Assert.Equal(11_119.51, Metres(p, (52, 5.1), (52.1, 5.1)), 0.5);
    }

    [Fact]
    public void Map_distances_agree_with_the_great_circle_within_half_a_percent()
    {
        // Utrecht Dom → Amsterdam Dam: 35,054.963 m by the haversine formula (GeoDistanceTests).
        var p = new MapProjection(52.0907, 4.8926, 52.3731, 5.1214, 640, 640, 10);
        Assert.Equal(35_054.963, Metres(p, (52.0907, 5.1214), (52.3731, 4.8926)), 35_054.963 * 0.005);
    }

    [Fact]
    public void The_drawing_fits_the_box_and_keeps_north_up()
    {
        var p = new MapProjection(51.9, 5.0, 52.1, 5.3, 600, 2000, 10);
        Assert.Equal(620, p.Width, 1e-6); // 600 wide plus padding: the east-west extent is the binding one
        Assert.True(p.Height < 2020);
        Assert.True(p.ToPixel(52.1, 5.0).Y < p.ToPixel(51.9, 5.0).Y);
        Assert.Equal((10, 10), (Math.Round(p.ToPixel(52.1, 5.0).X, 6), Math.Round(p.ToPixel(52.1, 5.0).Y, 6)));
    }

    [Fact]
    public void The_scale_bar_is_a_round_length_at_the_maps_scale()
    {
        // 0.3° of longitude at 52°: 20,537.56 m over 600 px = 34.2293 m per pixel; 150 px hold 5,134 m, so the bar is
        // 5 km, drawn 5,000 / 34.2293 = 146.07 px long (hand-worked).
        var p = new MapProjection(51.9, 5.0, 52.1, 5.3, 600, 2000, 10);
        Assert.Equal(34.2293, p.MetresPerPixel, 0.0001);
        var bar = ScaleBar.Choose(p.MetresPerPixel, 150);
        Assert.Equal(5000, bar.Metres);
        Assert.Equal(146.07, bar.Pixels, 0.01);
        Assert.Equal("5 km", bar.Label);
        Assert.Equal("200 m", ScaleBar.Choose(1, 250).Label);
        Assert.Equal("1 km", ScaleBar.Choose(10, 150).Label);
    }
}
