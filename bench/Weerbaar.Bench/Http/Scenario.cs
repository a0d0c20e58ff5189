namespace Weerbaar.Bench.Http;

/// <summary>One GET that the clients repeat; <paramref name="Expect"/> must be in the body of a correct answer.</summary>
public sealed record Scenario(string Name, string Path, string Description, string Expect)
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("gemeente-amsterdam", "/gemeenten/GM0363", "gemeente page (HTML), Amsterdam: 476 buurten, the largest", "Amsterdam"),
        new("gemeente-utrecht", "/gemeenten/GM0344", "gemeente page (HTML), Utrecht", "Utrecht"),
        new("api-gemeenten", "/api/v1/gemeenten", "JSON list of gemeenten (first page of 50)", "\"items\""),
        new("gemeenten-list", "/gemeenten", "list page (HTML), first page of 25", "gemeenten gevonden"),
        new("foto-amsterdam", "/gemeenten/GM0363/foto", "foto page (HTML), Amsterdam: 476 buurten, no buurt geometry", "Foto van Amsterdam"),
        new("foto-600", "/gemeenten/GM9600/foto", "foto page (HTML), made-up gemeente with 600 buurten, each with a polygon on the map", "Foto van Benchstad"),
    ];

    public static IReadOnlyList<Scenario> Select(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return All;
        }
        var unknown = names.Where(n => All.All(s => s.Name != n)).ToList();
        return unknown.Count > 0
            ? throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", All.Select(s => s.Name))}.")
            : All.Where(s => names.Contains(s.Name)).ToList();
    }
}
