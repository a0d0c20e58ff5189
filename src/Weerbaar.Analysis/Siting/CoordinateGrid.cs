namespace Weerbaar.Analysis.Siting;

/// <summary>
/// Sites bucketed in latitude/longitude cells at least <c>radiusMeters</c> wide everywhere the queries come from, so
/// every site within the radius of a point lies in the point's cell or one of its 8 neighbours.
/// </summary>
internal sealed class CoordinateGrid
{
    // Shortest length of one degree of latitude on the sphere the haversine uses (2πR / 360), rounded down.
    private const double MetersPerDegree = 111_194;

    private readonly double _cellLatitude;
    private readonly double _cellLongitude;
    private readonly Dictionary<(long, long), List<int>> _cells = [];

    public CoordinateGrid(IReadOnlyList<SitingSite> sites, double radiusMeters, IEnumerable<double> queryLatitudes)
    {
        // A degree of longitude is shortest at the highest latitude involved; size the cells for that latitude, with 1 %
        // to spare because a great circle between two points on one parallel is a little shorter than the parallel.
        var maxAbsLatitude = sites.Select(s => Math.Abs(s.Latitude)).Concat(queryLatitudes.Select(Math.Abs)).DefaultIfEmpty(0).Max();
        var cos = Math.Max(Math.Cos(Math.Min(maxAbsLatitude, 89) * Math.PI / 180), 1e-6);
        _cellLatitude = Math.Max(1.01 * radiusMeters / MetersPerDegree, 1e-9);
        _cellLongitude = Math.Max(1.01 * radiusMeters / (MetersPerDegree * cos), 1e-9);
        for (var j = 0; j < sites.Count; j++)
        {
            var key = Cell(sites[j].Latitude, sites[j].Longitude);
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }
            list.Add(j);
        }
    }

    /// <summary>Candidate sites near the point (a superset of those within the radius).</summary>
    public IEnumerable<int> Near(double latitude, double longitude)
    {
        var (a, b) = Cell(latitude, longitude);
        for (var da = -1; da <= 1; da++)
        {
            for (var db = -1; db <= 1; db++)
            {
                if (_cells.TryGetValue((a + da, b + db), out var list))
                {
                    foreach (var j in list)
                    {
                        yield return j;
                    }
                }
            }
        }
    }

    private (long, long) Cell(double latitude, double longitude)
        => ((long)Math.Floor(latitude / _cellLatitude), (long)Math.Floor(longitude / _cellLongitude));
}
