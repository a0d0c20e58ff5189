using System.Collections.Concurrent;
using System.Text.Json;

namespace Weerbaar.Analysis.Tests;

/// <summary>
/// Reads the scipy/R reference files in Fixtures/ (copied to the test output folder; each made by the script next to
/// it) and compares numbers with a stated tolerance.
/// </summary>
internal static class ReferenceFixture
{
    /// <summary>Relative tolerance for statistics (U, H, X², means, bounds, effect sizes).</summary>
    public const double StatisticTolerance = 1e-10;

    /// <summary>Relative tolerance for p-values.</summary>
    public const double PValueTolerance = 1e-9;

    /// <summary>
    /// When the reference value is exactly 0, a relative tolerance means nothing; the computed value must
    /// then be within this absolute distance (rounding noise of sums around 1).
    /// </summary>
    public const double ZeroTolerance = 1e-12;

    private static readonly ConcurrentDictionary<string, JsonDocument> Documents = new();

    public static JsonElement[] Cases(string file) =>
        [.. Documents.GetOrAdd(file, Load).RootElement.GetProperty("cases").EnumerateArray()];

    /// <summary>Case names for a theory; a case without "name" is named by its JSON text.</summary>
    public static TheoryData<string> Names(string file)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases(file))
        {
            data.Add(NameOf(c));
        }

        return data;
    }

    public static JsonElement Case(string file, string name) => Cases(file).Single(c => NameOf(c) == name);

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static double? NullableDouble(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    public static bool IsNull(JsonElement value) => value.ValueKind == JsonValueKind.Null;

    /// <summary>Asserts |actual − expected| ≤ tolerance·|expected| (absolute <see cref="ZeroTolerance"/> when expected is 0).</summary>
    public static void Near(double expected, double actual, double tolerance, string what)
    {
        var error = Math.Abs(actual - expected);
        var allowed = expected == 0.0 ? ZeroTolerance : tolerance * Math.Abs(expected);
        Assert.True(error <= allowed, $"{what}: expected {expected:R}, got {actual:R} (error {error:R}, allowed {allowed:R})");
    }

    public static void NearStatistic(JsonElement expected, string property, double actual) =>
        Near(expected.GetProperty(property).GetDouble(), actual, StatisticTolerance, property);

    public static void NearP(JsonElement expected, string property, double actual) =>
        Near(expected.GetProperty(property).GetDouble(), actual, PValueTolerance, property);

    public static double?[][] NullableMatrix(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => r.EnumerateArray().Select(NullableDouble).ToArray())];

    /// <summary>Both null, or both numbers within <paramref name="tolerance"/> (absolute, or relative above 1).</summary>
    public static void Close(double? expected, double? actual, double tolerance, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }

        var scale = Math.Max(1, Math.Abs(expected.Value));
        Assert.True(
            Math.Abs(expected.Value - actual.Value) <= tolerance * scale,
            $"{what}: expected {expected.Value:R}, got {actual.Value:R} (difference {Math.Abs(expected.Value - actual.Value):E2})");
    }

    private static string Show(double? v) => v is { } d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "null";

    private static string NameOf(JsonElement c) =>
        c.TryGetProperty("name", out var name) ? name.GetString()! : c.GetProperty("table").GetRawText();

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)));
}
