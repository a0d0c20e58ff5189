using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Locations;

/// <summary>A place where residents can go for help, information and basic needs when the normal channels fail.</summary>
public sealed class Noodsteunpunt : ITenantOwned
{
    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public required string Name { get; set; }
    /// <summary>A code from <see cref="BuildingTypes"/>, or null when not given.</summary>
    public string? BuildingType { get; set; }
    /// <summary>A code from <see cref="NoodsteunpuntStatus"/>.</summary>
    public string Status { get; set; } = NoodsteunpuntStatus.Gepland;
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? BuurtCode { get; set; }
    /// <summary>WGS84 degrees.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    /// <summary>How many people it can receive at once.</summary>
    public int? Capacity { get; set; }
    /// <summary>When and how it opens (free text, e.g. "binnen 2 uur na stroomuitval open, sleutel bij de beheerder").</summary>
    public string? OpeningArrangement { get; set; }

    public bool HasBackupPower { get; set; }
    /// <summary>How long the backup power lasts.</summary>
    public int? BackupPowerHours { get; set; }
    public bool HasDrinkingWater { get; set; }
    public bool HasHeating { get; set; }
    public bool HasFirstAid { get; set; }
    public bool HasToilets { get; set; }
    public bool IsWheelchairAccessible { get; set; }
    /// <summary>Residents can charge phones there.</summary>
    public bool HasCharging { get; set; }

    public bool HasSatellite { get; set; }
    public bool HasC2000 { get; set; }
    /// <summary>Emergency radio or walkie-talkies (noodradio, portofoon).</summary>
    public bool HasRadio { get; set; }
    public bool HasMobile { get; set; }

    public int? Staff { get; set; }
    public int? Volunteers { get; set; }
    /// <summary>Shifts per 24 hours.</summary>
    public int? ShiftsPerDay { get; set; }

    public string? Partners { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Notes { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
