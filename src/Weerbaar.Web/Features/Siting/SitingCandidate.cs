using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Siting;

/// <summary>A place the gemeente could turn into a noodsteunpunt (a school, a sports hall): input for the siting model, not yet a noodsteunpunt.</summary>
public sealed class SitingCandidate : ITenantOwned
{
    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public required string Name { get; set; }
    /// <summary>WGS84 degrees.</summary>
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>How many residents the site could serve (the siting model's capacity); null = the gemeente's norm per noodsteunpunt.</summary>
    public int? Capacity { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
