using System.Text.Json;

namespace Weerbaar.Analysis.Tests.Reliability;

/// <summary>Reads the scipy/R reference files in Fixtures/ (copied to the test output folder).</summary>
internal static class ReferenceFixture
{
    public static JsonElement Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The cases of a fixture, as xunit theory data (the case name only, so test names stay short).</summary>
    public static TheoryData<string> CaseNames(string fileName)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(fileName).GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static JsonElement Case(string fileName, string name) =>
        Load(fileName).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static double? NullableDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

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
}
