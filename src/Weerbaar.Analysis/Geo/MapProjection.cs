namespace Weerbaar.Analysis.Geo;

/// <summary>
/// An equirectangular projection with the x axis scaled by the cosine of the middle latitude, fitted to a box of pixels:
/// over the size of a gemeente, distances in every direction are within a fraction of a percent of the true ones, so a
/// scale bar holds across the map. Pixel y grows downwards (north up).
/// </summary>
public sealed class MapProjection
{
    private const double Radians = Math.PI / 180;
    private readonly double _cosLat, _minX, _maxY, _scale, _offsetX, _offsetY;

    /// <param name="maxWidth">The widest the drawing may be, in pixels (without <paramref name="padding"/>).</param>
    /// <param name="maxHeight">The highest the drawing may be, in pixels (without <paramref name="padding"/>).</param>
    public MapProjection(double minLatitude, double minLongitude, double maxLatitude, double maxLongitude, double maxWidth, double maxHeight, double padding)
    {
        _cosLat = Math.Cos((minLatitude + maxLatitude) / 2 * Radians);
        _minX = X(minLongitude);
        _maxY = Y(maxLatitude);
        // A single point (or a line) still gets a small area around it: 500 m.
        var spanX = Math.Max(X(maxLongitude) - _minX, 500);
        var spanY = Math.Max(_maxY - Y(minLatitude), 500);
        _scale = Math.Min(maxWidth / spanX, maxHeight / spanY);
        Width = spanX * _scale + 2 * padding;
        Height = spanY * _scale + 2 * padding;
        _offsetX = padding + (spanX * _scale - (X(maxLongitude) - _minX) * _scale) / 2;
        _offsetY = padding + (spanY * _scale - (_maxY - Y(minLatitude)) * _scale) / 2;
    }

    /// <summary>The drawing's size in pixels, padding included.</summary>
    public double Width { get; }
    public double Height { get; }

    /// <summary>Ground metres per pixel, the same in every direction.</summary>
    public double MetresPerPixel => 1 / _scale;

    public (double X, double Y) ToPixel(double latitude, double longitude)
        => (_offsetX + (X(longitude) - _minX) * _scale, _offsetY + (_maxY - Y(latitude)) * _scale);

    private double X(double longitude) => GeoDistance.EarthRadiusMeters * longitude * Radians * _cosLat;

    private static double Y(double latitude) => GeoDistance.EarthRadiusMeters * latitude * Radians;
}

/// <summary>A scale bar of a round length (1, 2 or 5 times a power of ten metres) no longer than the room it has.</summary>
public sealed record ScaleBar(double Metres, double Pixels, string Label)
{
    private static readonly int[] Steps = [5, 2, 1];

    public static ScaleBar Choose(double metresPerPixel, double maxPixels)
    {
        var most = metresPerPixel * maxPixels;
        var power = Math.Pow(10, Math.Floor(Math.Log10(most)));
        var metres = Steps.Select(f => f * power).First(m => m <= most * (1 + 1e-9));
        var label = metres >= 1000 ? $"{metres / 1000:0.###} km".Replace('.', ',') : $"{metres:0} m";
        return new ScaleBar(metres, metres / metresPerPixel, label);
    }
}
