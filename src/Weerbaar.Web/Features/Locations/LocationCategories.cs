namespace Weerbaar.Web.Features.Locations;

/// <param name="Aggregated">A count of people who depend on equipment at home: never an address, coordinates or contact.</param>
/// <param name="Residential">People stay there day and night (they count in the 72-hour estimate when the place cannot hold out).</param>
public sealed record LocationCategory(string Code, string Label, bool Aggregated = false, bool Residential = false);

/// <summary>The kinds of vulnerable location the register knows.</summary>
public static class LocationCategories
{
    public static readonly IReadOnlyList<LocationCategory> All =
    [
        new("verpleeghuis", "Verpleeg- en verzorgingshuis", Residential: true),
        new("ziekenhuis", "Ziekenhuis", Residential: true),
        new("gehandicaptenzorg", "Locatie voor mensen met een beperking", Residential: true),
        new("ggz-instelling", "Ggz-instelling", Residential: true),
        new("school", "School (basis- en voortgezet onderwijs)"),
        new("kinderopvang", "Kinderopvang"),
        new("gevangenis", "Penitentiaire inrichting", Residential: true),
        new("dagbesteding", "Dagbesteding"),
        new("thuisdialyse", "Thuisdialyse (geaggregeerd aantal)", Aggregated: true),
        new("thuisbeademing", "Thuisbeademing (geaggregeerd aantal)", Aggregated: true),
        new("overig", "Overig"),
    ];

    public static LocationCategory? Find(string? code)
        => All.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(string code) => Find(code)?.Label ?? code;

    /// <summary>The position in <see cref="All"/>, for sorting; unknown codes last.</summary>
    public static int Order(string code)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Code == code)
            {
                return i;
            }
        }
        return All.Count;
    }
}

public sealed record VitalService(string Code, string Label);

/// <summary>Vital services a location may depend on (<see cref="VulnerableLocation.Dependencies"/>).</summary>
public static class VitalServices
{
    public static readonly IReadOnlyList<VitalService> All =
    [
        new("stroom", "Stroom"),
        new("drinkwater", "Drinkwater"),
        new("gas", "Gas"),
        new("telecom", "Telefonie en internet"),
        new("zorgpersoneel", "Zorgpersoneel"),
        new("vervoer", "Vervoer"),
        new("koeling", "Koeling (medicijnen, voedsel)"),
        new("brandstof", "Brandstof"),
    ];

    public static VitalService? Find(string? code)
        => All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(string code) => Find(code)?.Label ?? code;
}
