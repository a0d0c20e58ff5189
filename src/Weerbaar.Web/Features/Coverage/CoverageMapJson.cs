using System.Buffers;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Coverage;

/// <summary>The coverage map's data, inlined in the page (the default encoder escapes &lt; and &gt; in names).</summary>
public static class CoverageMapJson
{
    public static string Write(GemeenteCoverage c, string? outlineGeoJson = null)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("ringMeters", c.Result.Norms.NormDistanceMeters / c.Result.Norms.DetourFactor);
            w.WriteRawOrNull("outline", outlineGeoJson);
            w.WriteStartArray("buurten");
            foreach (var b in c.Buurten)
            {
                if (b.Location is not { } at)
                {
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("name", b.Name);
                w.WriteNumber("residents", b.Residents);
                w.WriteBoolean("covered", b.Coverage.Covered);
                if (b.Coverage.DistanceMeters is { } d)
                {
                    w.WriteNumber("distance", Math.Round(d));
                }
                w.WriteNumber("lat", at.Latitude);
                w.WriteNumber("lon", at.Longitude);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("points");
            foreach (var p in c.Points)
            {
                if (p.Latitude is not { } lat || p.Longitude is not { } lon)
                {
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteNumber("lat", lat);
                w.WriteNumber("lon", lon);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
