namespace Weerbaar.Web.Features.Locations;

/// <summary>A code as stored and in the CSV file, with its Dutch label.</summary>
public sealed record CodeLabel(string Code, string Label);

/// <summary>
/// Where a noodsteunpunt stands: planned (a place chosen, not yet arranged), ready (arranged, can open) or active
/// (open now). Stored as the code; other features (siting, coverage) query by it.
/// </summary>
public static class NoodsteunpuntStatus
{
    public const string Gepland = "gepland", Gereed = "gereed", Actief = "actief";

    public static readonly IReadOnlyList<CodeLabel> All =
    [
        new(Gepland, "Gepland"),
        new(Gereed, "Gereed"),
        new(Actief, "Actief"),
    ];

    /// <summary>The code as stored, or null when <paramref name="code"/> is no status (case and spaces ignored).</summary>
    public static string? Find(string? code) => All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;

    public static string Label(string code) => All.FirstOrDefault(s => s.Code == code)?.Label ?? code;
}

/// <summary>The kinds of building a noodsteunpunt can be in.</summary>
public static class BuildingTypes
{
    public const string Gemeentehuis = "gemeentehuis", School = "school", Buurthuis = "buurthuis", Sporthal = "sporthal", Gebedshuis = "gebedshuis",
        Bibliotheek = "bibliotheek", Brandweerkazerne = "brandweerkazerne", Zorginstelling = "zorginstelling", Bedrijf = "bedrijf", Anders = "anders";

    public static readonly IReadOnlyList<CodeLabel> All =
    [
        new(Gemeentehuis, "Gemeentehuis"),
        new(School, "School"),
        new(Buurthuis, "Buurthuis of wijkcentrum"),
        new(Sporthal, "Sporthal"),
        new(Gebedshuis, "Kerk, moskee of ander gebedshuis"),
        new(Bibliotheek, "Bibliotheek"),
        new(Brandweerkazerne, "Brandweerkazerne"),
        new(Zorginstelling, "Zorginstelling"),
        new(Bedrijf, "Bedrijf"),
        new(Anders, "Anders"),
    ];

    public static string? Find(string? code) => All.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;

    public static string Label(string code) => All.FirstOrDefault(t => t.Code == code)?.Label ?? code;
}
