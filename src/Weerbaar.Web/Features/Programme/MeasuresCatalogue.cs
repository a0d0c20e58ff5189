using System.Text.Json;
using Weerbaar.Web.Features.Scenarios;

namespace Weerbaar.Web.Features.Programme;

/// <summary>A measure a gemeente can take: in which phase, under which pillar and topic, with which partners, how much effort,
/// and which crisis scenarios and scarce resources of the scenario library it answers.</summary>
public sealed record Measure(
    string Code, string Name, string Description, string Phase, string Pillar, string Topic, IReadOnlyList<string> Partners,
    string Effort, IReadOnlyList<string> Scenarios, IReadOnlyList<string> ScarceResources, string Source);

/// <summary>The national measures catalogue: versioned data in <c>measures-catalogue-*.json</c> next to this file, checked when read
/// (also against the newest scenario library).</summary>
public sealed record MeasuresCatalogue(
    string Id, int Version, string Title, string Note, string Source, IReadOnlyList<CodeName> Phases, IReadOnlyList<CodeName> Pillars,
    IReadOnlyList<CodeName> Topics, IReadOnlyList<CodeName> Partners, IReadOnlyList<string> Efforts, IReadOnlyList<Measure> Measures)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Features", "Programme");

    /// <summary>The newest catalogue file (highest version); throws with every problem when it is not valid.</summary>
    public static MeasuresCatalogue LoadNewest()
    {
        var catalogues = System.IO.Directory.GetFiles(Directory, "measures-catalogue-*.json").Select(Load).ToList();
        return catalogues.Count == 0
            ? throw new InvalidOperationException($"No measures catalogue in {Directory}.")
            : catalogues.MaxBy(c => c.Version)!;
    }

    public static MeasuresCatalogue Load(string file)
    {
        var catalogue = JsonSerializer.Deserialize<MeasuresCatalogue>(File.ReadAllBytes(file), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{file} is empty.");
        var problems = catalogue.Problems(ScenarioLibrary.LoadNewest());
        return problems.Count == 0 ? catalogue : throw new InvalidOperationException($"{Path.GetFileName(file)}: {string.Join(" ", problems)}");
    }

    /// <summary>Every inconsistency: duplicate codes; phases, pillars, topics, partners or efforts a measure names that the catalogue
    /// does not define; empty names or descriptions; and, when a scenario library is given, scenarios and scarce resources it does not hold.</summary>
    public List<string> Problems(ScenarioLibrary? library = null)
    {
        var problems = new List<string>();
        void Unique(IEnumerable<string> codes, string what)
        {
            foreach (var code in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"{what} '{code.Key}' staat er meer dan eens in.");
            }
        }
        Unique(Phases.Select(p => p.Code), "Fase");
        Unique(Pillars.Select(p => p.Code), "Pijler");
        Unique(Topics.Select(t => t.Code), "Onderwerp");
        Unique(Partners.Select(p => p.Code), "Partner");
        Unique(Measures.Select(m => m.Code), "Maatregel");
        var phases = Phases.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var pillars = Pillars.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var topics = Topics.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var partners = Partners.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var efforts = Efforts.ToHashSet(StringComparer.Ordinal);
        var scenarios = library?.Scenarios.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var resources = library?.Resources.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var m in Measures)
        {
            if (!phases.Contains(m.Phase))
            {
                problems.Add($"Maatregel '{m.Code}': onbekende fase '{m.Phase}'.");
            }
            if (!pillars.Contains(m.Pillar))
            {
                problems.Add($"Maatregel '{m.Code}': onbekende pijler '{m.Pillar}'.");
            }
            if (!topics.Contains(m.Topic))
            {
                problems.Add($"Maatregel '{m.Code}': onbekend onderwerp '{m.Topic}'.");
            }
            if (!efforts.Contains(m.Effort))
            {
                problems.Add($"Maatregel '{m.Code}': onbekende inspanning '{m.Effort}'.");
            }
            problems.AddRange((m.Partners ?? []).Where(p => !partners.Contains(p)).Select(p => $"Maatregel '{m.Code}': onbekende partner '{p}'."));
            if (scenarios is not null)
            {
                problems.AddRange((m.Scenarios ?? []).Where(s => !scenarios.Contains(s)).Select(s => $"Maatregel '{m.Code}': onbekend scenario '{s}'."));
            }
            if (resources is not null)
            {
                problems.AddRange((m.ScarceResources ?? []).Where(r => !resources.Contains(r)).Select(r => $"Maatregel '{m.Code}': onbekend middel '{r}'."));
            }
            if (string.IsNullOrWhiteSpace(m.Name) || string.IsNullOrWhiteSpace(m.Description))
            {
                problems.Add($"Maatregel '{m.Code}': naam en beschrijving zijn verplicht.");
            }
        }
        return problems;
    }
}
