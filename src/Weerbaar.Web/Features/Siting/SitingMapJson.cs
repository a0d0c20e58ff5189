using System.Buffers;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Siting;

/// <summary>The siting map's data, inlined in the page (the default encoder escapes &lt; and &gt; in names).</summary>
public static class SitingMapJson
{
    public static string Write(SitingRunResult r, string? outlineGeoJson)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("normMeters", r.Norms.NormDistanceMeters);
            w.WriteRawOrNull("outline", outlineGeoJson);
            w.WriteStartArray("buurten");
            foreach (var b in r.Buurten.Where(b => b.Latitude is not null))
            {
                w.WriteStartObject();
                w.WriteString("name", b.Name);
                w.WriteNumber("residents", b.Residents);
                w.WriteNumber("lat", b.Latitude!.Value);
                w.WriteNumber("lon", b.Longitude!.Value);
                Distance(w, "now", b.Now);
                Distance(w, "optimal", b.Optimal);
                Distance(w, "greedy", b.Greedy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("sites");
            foreach (var s in r.Sites)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteNumber("lat", s.Latitude);
                w.WriteNumber("lon", s.Longitude);
                w.WriteBoolean("existing", s.Existing);
                w.WriteBoolean("optimal", s.Optimal);
                w.WriteBoolean("greedy", s.Greedy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Distance(Utf8JsonWriter w, string name, double? metres)
    {
        if (metres is { } m)
        {
            w.WriteNumber(name, Math.Round(m));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
