using System.Buffers;
using System.Text;
using System.Text.Json;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Foto;

/// <summary>
/// The map's data as JSON, inlined in the page (so the map works without a network). The default encoder escapes
/// &lt; and &gt;, so names typed into the register cannot close the script element they travel in.
/// </summary>
public static class FotoMapJson
{
    public static string Write(FotoData f)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteRawOrNull("outline", f.OutlineGeoJson);
            w.WriteStartArray("classes");
            foreach (var (cls, colour) in FotoData.ClassColours)
            {
                w.WriteStartObject();
                w.WriteNumber("cls", cls);
                w.WriteString("label", VulnerabilityIndex.ClassLabel(cls));
                w.WriteString("colour", colour);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("buurten");
            var index = f.Vulnerability?.Buurten.ToDictionary(b => b.Code);
            foreach (var b in f.SelfReliance.Buurten)
            {
                var geometry = f.Geometries.GetValueOrDefault(b.Code);
                if (geometry is null && !f.BuurtPoints.ContainsKey(b.Code))
                {
                    continue;
                }
                var v = index?.GetValueOrDefault(b.Code);
                w.WriteStartObject();
                w.WriteString("code", b.Code);
                w.WriteString("name", b.Name);
                w.WriteNumber("residents", b.Residents ?? 0);
                if (v?.Class is { } cls)
                {
                    w.WriteNumber("cls", cls);
                }
                w.WriteString("label", v?.Class is { } c ? $"Kwetsbaarheid: {VulnerabilityIndex.ClassLabel(c)}" : "Geen index");
                if (geometry is not null)
                {
                    w.WriteNumber("lat", geometry.CentroidLatitude);
                    w.WriteNumber("lon", geometry.CentroidLongitude);
                    w.WritePropertyName("geometry");
                    w.WriteRawValue(geometry.GeoJson, skipInputValidation: true);
                }
                else
                {
                    var point = f.BuurtPoints[b.Code];
                    w.WriteNumber("lat", point.Latitude);
                    w.WriteNumber("lon", point.Longitude);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("locations");
            foreach (var l in f.Locations ?? [])
            {
                if (l.Latitude is not { } lat || l.Longitude is not { } lon)
                {
                    continue; // aggregated counts have no place on a map
                }
                w.WriteStartObject();
                w.WriteString("name", l.Name);
                w.WriteString("category", LocationCategories.Label(l.Category));
                w.WriteNumber("people", l.People);
                w.WriteNumber("lat", lat);
                w.WriteNumber("lon", lon);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("noodsteunpunten");
            foreach (var n in f.Noodsteunpunten)
            {
                if (n.Latitude is not { } lat || n.Longitude is not { } lon)
                {
                    continue;
                }
                w.WriteStartObject();
                w.WriteString("name", n.Name);
                if (n.Capacity is { } capacity)
                {
                    w.WriteNumber("capacity", capacity);
                }
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
