using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Locations;

/// <summary>
/// A place where people live or stay who cannot simply leave or look after themselves in a crisis (care home,
/// hospital, school, prison …), or an aggregated count of people who depend on equipment at home (dialysis, home
/// ventilation: never an address). Visible only to the gemeente itself and, read-only, to its veiligheidsregio.
/// </summary>
public sealed class VulnerableLocation : IGemeenteLocal
{
    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>A code from <c>LocationCategories</c>.</summary>
    public required string Category { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    /// <summary>The buurt the location lies in (optional); lets the 72-hour estimate count its people per buurt.</summary>
    public string? BuurtCode { get; set; }
    /// <summary>WGS84 degrees.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>People present (residents, patients, pupils) or, for aggregated categories, the number of people counted.</summary>
    public int People { get; set; }
    public int? HoursWithoutPower { get; set; }
    public int? HoursWithoutWater { get; set; }
    public int? HoursWithoutCommunication { get; set; }
    /// <summary>Codes of the vital services the location depends on (stroom, water, telecom, …).</summary>
    public List<string> Dependencies { get; set; } = [];
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Notes { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
