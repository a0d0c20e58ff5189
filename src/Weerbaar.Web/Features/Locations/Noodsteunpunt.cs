using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Locations;

/// <summary>A place where residents can go for help, information and basic needs when the normal channels fail.</summary>
public sealed class Noodsteunpunt : ITenantOwned
{
    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? BuurtCode { get; set; }
    /// <summary>WGS84 degrees.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>How many people it can receive at once.</summary>
    public int? Capacity { get; set; }
    public bool HasBackupPower { get; set; }
    public string? Notes { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
