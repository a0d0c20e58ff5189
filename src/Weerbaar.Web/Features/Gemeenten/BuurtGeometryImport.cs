using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Gemeenten;

/// <summary>The outcome of reading a buurt GeoJSON file: geometries to store, or every error (then nothing is stored).</summary>
public sealed record BuurtGeometryReadResult(IReadOnlyList<BuurtGeometry> Geometries, IReadOnlyList<FieldError> Errors, IReadOnlyList<string> UnknownCodes);

/// <summary>
/// Reads a GeoJSON FeatureCollection of buurten (e.g. the CBS wijk- en buurtkaart exported as WGS84 GeoJSON): the buurt code
/// from the property buurtcode, statcode, BU_CODE or code; a Polygon, MultiPolygon or Point geometry in longitude/latitude.
/// Coordinates are rounded to 5 decimals (about 1 m) to keep the map data small. Buurten Weerbaar does not know (CBS keeps
/// the figures of some tiny buurten secret) are skipped and reported, not refused.
/// </summary>
public static class BuurtGeometryImport
{
    public const long MaxBytes = 30 * 1024 * 1024;
    private const int MaxErrors = 100;
    private static readonly string[] CodeProperties = ["buurtcode", "statcode", "BU_CODE", "code"];

    public static BuurtGeometryReadResult Read(byte[] json, IReadOnlySet<string> knownBuurten, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var geometries = new Dictionary<string, BuurtGeometry>(StringComparer.Ordinal);
        var unknown = new List<string>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return new([], [new FieldError("bestand", $"Het bestand is geen geldige JSON (regel {e.LineNumber + 1}): lever een GeoJSON FeatureCollection.")], []);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                return new([], [new FieldError("bestand", "Het bestand is geen GeoJSON FeatureCollection (een object met een lijst ‘features’).")], []);
            }
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                if (errors.Count >= MaxErrors)
                {
                    break;
                }
                var where = $"Object {index}";
                var code = Code(feature);
                if (code is null)
                {
                    errors.Add(new FieldError("bestand", $"{where}: geen buurtcode gevonden (eigenschap buurtcode, statcode of BU_CODE, zoals BU03630000)."));
                    continue;
                }
                where += $" ({code})";
                if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                    || !geometry.TryGetProperty("type", out var typeElement) || !geometry.TryGetProperty("coordinates", out var coordinates))
                {
                    errors.Add(new FieldError("bestand", $"{where}: geen geometrie."));
                    continue;
                }
                var type = typeElement.GetString();
                var depth = type switch { "Point" => 0, "Polygon" => 2, "MultiPolygon" => 3, _ => -1 };
                if (depth < 0)
                {
                    errors.Add(new FieldError("bestand", $"{where}: geometrie ‘{type}’ wordt niet ondersteund; gebruik Polygon, MultiPolygon of Point."));
                    continue;
                }
                var problem = Check(coordinates, depth);
                if (problem is not null)
                {
                    errors.Add(new FieldError("bestand", $"{where}: {problem}"));
                    continue;
                }
                if (!knownBuurten.Contains(code))
                {
                    unknown.Add(code);
                    continue;
                }
                if (geometries.ContainsKey(code))
                {
                    errors.Add(new FieldError("bestand", $"{where}: deze buurt staat meer dan eens in het bestand."));
                    continue;
                }
                var (lat, lon) = Centroid(coordinates, depth);
                geometries[code] = new BuurtGeometry { BuurtCode = code, GeoJson = Rounded(type!, coordinates), CentroidLatitude = lat, CentroidLongitude = lon, LoadedAt = now };
            }
            if (index == 0)
            {
                errors.Add(new FieldError("bestand", "Het bestand bevat geen buurten."));
            }
        }
        return errors.Count > 0 ? new([], errors, unknown) : new(geometries.Values.ToList(), [], unknown);
    }

    private static string? Code(JsonElement feature)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var name in CodeProperties)
        {
            if (properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 10 } code
                && code.StartsWith("BU", StringComparison.OrdinalIgnoreCase) && code[2..].All(char.IsAsciiDigit))
            {
                return code.ToUpperInvariant();
            }
        }
        return null;
    }

    /// <summary>Checks nesting and that every position is longitude/latitude inside (roughly) the Netherlands.</summary>
    private static string? Check(JsonElement coordinates, int depth)
    {
        if (depth == 0)
        {
            if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() < 2
                || coordinates[0].ValueKind != JsonValueKind.Number || coordinates[1].ValueKind != JsonValueKind.Number)
            {
                return "een coördinaat is geen paar getallen [lengtegraad, breedtegraad].";
            }
            var (lon, lat) = (coordinates[0].GetDouble(), coordinates[1].GetDouble());
            if (lon > 1000 || lat > 1000)
            {
                return "de coördinaten lijken Rijksdriehoeksmeting (EPSG:28992); lever lengte- en breedtegraden (WGS84, EPSG:4326).";
            }
            return lon is < 3.0 or > 7.5 || lat is < 50.6 or > 53.8 ? $"coördinaat [{lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}] ligt niet in Nederland (verwacht [lengtegraad, breedtegraad])." : null;
        }
        if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() == 0)
        {
            return "de geometrie heeft geen coördinaten.";
        }
        if (depth == 1 && coordinates.GetArrayLength() < 4)
        {
            return "een ring van een vlak heeft minstens 4 punten nodig.";
        }
        foreach (var child in coordinates.EnumerateArray())
        {
            if (Check(child, depth - 1) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    /// <summary>
    /// A point's own position; for (multi)polygons the area-weighted centroid of the outer rings (shoelace formula on the
    /// longitude/latitude plane — over a buurt the distortion is negligible); falls back to the mean vertex for degenerate rings.
    /// </summary>
    public static (double Lat, double Lon) Centroid(JsonElement coordinates, int depth)
    {
        if (depth == 0)
        {
            return (coordinates[1].GetDouble(), coordinates[0].GetDouble());
        }
        IEnumerable<JsonElement> outerRings = depth == 2 ? [coordinates[0]] : coordinates.EnumerateArray().Select(p => p[0]);
        double area = 0, cx = 0, cy = 0, sx = 0, sy = 0;
        var n = 0;
        double? ox = null, oy = null;
        foreach (var ring in outerRings)
        {
            // Shift to the first vertex: products of raw degrees (5 × 52) would cancel away a buurt's tiny area.
            ox ??= ring[0][0].GetDouble();
            oy ??= ring[0][1].GetDouble();
            var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble() - ox.Value, Y: p[1].GetDouble() - oy.Value)).ToList();
            for (var i = 0; i < points.Count - 1; i++)
            {
                var (x0, y0) = points[i];
                var (x1, y1) = points[i + 1];
                var cross = x0 * y1 - x1 * y0;
                area += cross;
                cx += (x0 + x1) * cross;
                cy += (y0 + y1) * cross;
                sx += x0;
                sy += y0;
                n++;
            }
        }
        return Math.Abs(area) > 1e-14 ? (oy!.Value + cy / (3 * area), ox!.Value + cx / (3 * area)) : (oy!.Value + sy / n, ox!.Value + sx / n);
    }

    private static string Rounded(string type, JsonElement coordinates)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("coordinates");
            Write(writer, coordinates);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            writer.WriteNumberValue(Math.Round(element.GetDouble(), 5));
            return;
        }
        writer.WriteStartArray();
        foreach (var child in element.EnumerateArray())
        {
            Write(writer, child);
        }
        writer.WriteEndArray();
    }
}
