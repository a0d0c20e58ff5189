using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Weerbaar.Web.Data;

/// <summary>
/// Small collections stored as one JSON text column: the same on SQLite and PostgreSQL, and one row per
/// response keeps a 10,000-response import to 10,000 inserts.
/// </summary>
public static class JsonConversions
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The same JSON text as the column's converter writes, for statements that bypass EF Core.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ValueConverter<Dictionary<string, string>, string> Answers() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Options) ?? new Dictionary<string, string>());

    public static ValueComparer<Dictionary<string, string>> AnswersComparer() => new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        v => new Dictionary<string, string>(v));

    public static ValueConverter<List<T>, string> List<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());

    public static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)),
        v => v.ToList());
}
