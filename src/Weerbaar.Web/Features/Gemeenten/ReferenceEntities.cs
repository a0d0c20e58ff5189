namespace Weerbaar.Web.Features.Gemeenten;

// CBS Kerncijfers wijken en buurten 2024 (CC BY 4.0). Dutch domain nouns as in docs/glossary.md.

public sealed class Provincie
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? OutlineGeoJson { get; set; }
}

public sealed class Veiligheidsregio
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? OutlineGeoJson { get; set; }
}

public sealed class Gemeente
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string ProvincieCode { get; set; }
    public required string VeiligheidsregioCode { get; set; }
    public int Residents { get; set; }
    public int? Men { get; set; }
    public int? Women { get; set; }
    public int? AreaTotalHa { get; set; }
    public int? AreaLandHa { get; set; }
    /// <summary>Residents per km² of land.</summary>
    public int? Density { get; set; }
    public int? Dwellings { get; set; }
    /// <summary>Mean of the buurt stedelijkheid classes weighted by residents (1 = zeer sterk stedelijk … 5 = niet stedelijk).</summary>
    public double? UrbanityWeighted { get; set; }
    /// <summary>The stedelijkheid class in which most residents live; 1–3 counts as urban, 4–5 as rural.</summary>
    public int UrbanityModal { get; set; }
    public string? OutlineGeoJson { get; set; }
}

public sealed class Wijk
{
    public required string Code { get; set; }
    public required string GemeenteCode { get; set; }
    public int? Residents { get; set; }
    public int? Men { get; set; }
    public int? Women { get; set; }
    public int? AreaTotalHa { get; set; }
    public int? AreaLandHa { get; set; }
    public int? Density { get; set; }
    public int? Dwellings { get; set; }
}

public sealed class Buurt
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string WijkCode { get; set; }
    public required string GemeenteCode { get; set; }
    public int? Residents { get; set; }
    public int? Age0To15 { get; set; }
    public int? Age15To25 { get; set; }
    public int? Age25To45 { get; set; }
    public int? Age45To65 { get; set; }
    public int? Age65Plus { get; set; }
    public int? Households { get; set; }
    public int? HouseholdsWithChildren { get; set; }
    public double? AverageHouseholdSize { get; set; }
    public int? Density { get; set; }
    public int? Urbanity { get; set; }
}

/// <summary>Which version of a reference data set is loaded; makes the start-up load idempotent.</summary>
public sealed class ReferenceDataset
{
    public required string Name { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}

/// <summary>
/// One approximate point of a buurt from the CBS/Kadaster 2014 label points (reference data, CC BY 4.0). No foreign
/// key to <see cref="Buurt"/>: both are replaced as reference data, each on its own version.
/// </summary>
public sealed class BuurtPoint
{
    public required string BuurtCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>"code" when the 2014 buurt had the same code, "naam" when it was matched by its name within the gemeente.</summary>
    public required string MatchedOn { get; set; }
}
