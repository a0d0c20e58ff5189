using System.Text.Json;

namespace Weerbaar.Web.Shared;

public static class JsonWriterExtensions
{
    /// <summary>Writes a property whose value is JSON we produced ourselves (e.g. a stored GeoJSON outline), or null.</summary>
    public static void WriteRawOrNull(this Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is not null)
        {
            w.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
