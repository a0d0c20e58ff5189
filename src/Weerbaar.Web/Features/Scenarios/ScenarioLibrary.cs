using System.Text.Json;

namespace Weerbaar.Web.Features.Scenarios;

public sealed record CodeName(string Code, string Name);

public sealed record ScenarioResource(string Code, string Name, string Unit);

/// <summary>A crisis scenario of the national library: what happens, which pillars and vital services it hits, how long it typically lasts, what becomes scarce.</summary>
public sealed record CrisisScenario(
    string Code, string Name, string Description, IReadOnlyList<string> Pillars, IReadOnlyList<string> VitalServices,
    int TypicalDurationHours, IReadOnlyList<string> ScarceResources);

/// <summary>The national scenario library: versioned data in <c>scenario-library-*.json</c> next to this file, checked when read.</summary>
public sealed record ScenarioLibrary(
    string Id, int Version, string Title, string Note, IReadOnlyList<CodeName> Pillars, IReadOnlyList<CodeName> VitalServices,
    IReadOnlyList<ScenarioResource> Resources, IReadOnlyList<CrisisScenario> Scenarios)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Features", "Scenarios");

    /// <summary>The newest library file (highest version); throws with every problem when it is not valid.</summary>
    public static ScenarioLibrary LoadNewest()
    {
        var libraries = System.IO.Directory.GetFiles(Directory, "scenario-library-*.json").Select(Load).ToList();
        return libraries.Count == 0
            ? throw new InvalidOperationException($"No scenario library in {Directory}.")
            : libraries.MaxBy(l => l.Version)!;
    }

    public static ScenarioLibrary Load(string file)
    {
        var library = JsonSerializer.Deserialize<ScenarioLibrary>(File.ReadAllBytes(file), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{file} is empty.");
        var problems = library.Problems();
        return problems.Count == 0 ? library : throw new InvalidOperationException($"{Path.GetFileName(file)}: {string.Join(" ", problems)}");
    }

    /// <summary>Every inconsistency: duplicate codes, and pillars, vital services or resources a scenario names that the library does not define.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        void Unique(IEnumerable<string> codes, string what)
        {
            foreach (var code in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"{what} '{code.Key}' staat er meer dan eens in.");
            }
        }
        Unique(Pillars.Select(p => p.Code), "Pijler");
        Unique(VitalServices.Select(v => v.Code), "Vitale voorziening");
        Unique(Resources.Select(r => r.Code), "Middel");
        Unique(Scenarios.Select(s => s.Code), "Scenario");
        var pillars = Pillars.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var services = VitalServices.Select(v => v.Code).ToHashSet(StringComparer.Ordinal);
        var resources = Resources.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var s in Scenarios)
        {
            problems.AddRange(s.Pillars.Where(p => !pillars.Contains(p)).Select(p => $"Scenario '{s.Code}': onbekende pijler '{p}'."));
            problems.AddRange(s.VitalServices.Where(v => !services.Contains(v)).Select(v => $"Scenario '{s.Code}': onbekende vitale voorziening '{v}'."));
            problems.AddRange(s.ScarceResources.Where(r => !resources.Contains(r)).Select(r => $"Scenario '{s.Code}': onbekend middel '{r}'."));
            if (s.TypicalDurationHours <= 0)
            {
                problems.Add($"Scenario '{s.Code}': de typische duur moet meer dan 0 uur zijn.");
            }
            if (string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Description))
            {
                problems.Add($"Scenario '{s.Code}': naam en beschrijving zijn verplicht.");
            }
        }
        return problems;
    }
}
