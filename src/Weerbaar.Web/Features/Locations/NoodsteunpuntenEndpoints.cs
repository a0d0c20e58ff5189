using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Locations;

public sealed record NoodsteunpuntRequest(
    string? Name, string? Address = null, string? Postcode = null, string? BuurtCode = null, double? Latitude = null, double? Longitude = null,
    int? Capacity = null, bool? HasBackupPower = null, string? Notes = null,
    string? BuildingType = null, string? Status = null, string? OpeningArrangement = null, int? BackupPowerHours = null,
    bool? HasDrinkingWater = null, bool? HasHeating = null, bool? HasFirstAid = null, bool? HasToilets = null, bool? IsWheelchairAccessible = null,
    bool? HasCharging = null, bool? HasSatellite = null, bool? HasC2000 = null, bool? HasRadio = null, bool? HasMobile = null,
    int? Staff = null, int? Volunteers = null, int? ShiftsPerDay = null,
    string? Partners = null, string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null)
{
    private static string YesNo(bool? value) => NoodsteunpuntRules.YesNo(value == true);

    private static string? Number(int? value) => VulnerableLocationRules.Number(value);

    /// <summary>Missing ja/nee values are nee and a missing status is gepland (a PUT sends every field).</summary>
    public NoodsteunpuntFields ToFields() => new(Name, Address, Postcode, BuurtCode, VulnerableLocationRules.Number(Latitude), VulnerableLocationRules.Number(Longitude),
        Number(Capacity), YesNo(HasBackupPower), Notes,
        BuildingType, Status, OpeningArrangement, Number(BackupPowerHours),
        YesNo(HasDrinkingWater), YesNo(HasHeating), YesNo(HasFirstAid), YesNo(HasToilets), YesNo(IsWheelchairAccessible), YesNo(HasCharging),
        YesNo(HasSatellite), YesNo(HasC2000), YesNo(HasRadio), YesNo(HasMobile),
        Number(Staff), Number(Volunteers), Number(ShiftsPerDay),
        Partners, ContactName, ContactPhone, ContactEmail);
}

public sealed record NoodsteunpuntDto(
    Guid Id, string GemeenteCode, string Name, string? BuildingType, string? BuildingTypeLabel, string Status, string StatusLabel,
    string? Address, string? Postcode, string? BuurtCode, double? Latitude, double? Longitude, int? Capacity, string? OpeningArrangement,
    bool HasBackupPower, int? BackupPowerHours, bool HasDrinkingWater, bool HasHeating, bool HasFirstAid, bool HasToilets, bool IsWheelchairAccessible,
    bool HasCharging, bool HasSatellite, bool HasC2000, bool HasRadio, bool HasMobile, int? Staff, int? Volunteers, int? ShiftsPerDay,
    string? Partners, string? ContactName, string? ContactPhone, string? ContactEmail, string? Notes, DateTimeOffset UpdatedAt)
{
    public static NoodsteunpuntDto Of(Noodsteunpunt n) => new(
        n.Id, n.GemeenteCode, n.Name, n.BuildingType, n.BuildingType is { } t ? BuildingTypes.Label(t) : null, n.Status, NoodsteunpuntStatus.Label(n.Status),
        n.Address, n.Postcode, n.BuurtCode, n.Latitude, n.Longitude, n.Capacity, n.OpeningArrangement,
        n.HasBackupPower, n.BackupPowerHours, n.HasDrinkingWater, n.HasHeating, n.HasFirstAid, n.HasToilets, n.IsWheelchairAccessible,
        n.HasCharging, n.HasSatellite, n.HasC2000, n.HasRadio, n.HasMobile, n.Staff, n.Volunteers, n.ShiftsPerDay,
        n.Partners, n.ContactName, n.ContactPhone, n.ContactEmail, n.Notes, n.UpdatedAt);
}

public static class NoodsteunpuntenEndpoints
{
    /// <summary>The noodsteunpunten of a gemeente: ordinary gemeente data (its users, its region and the national roles read; the coordinator writes).</summary>
    public static IEndpointRouteBuilder MapNoodsteunpuntenEndpoints(this IEndpointRouteBuilder app)
        => app.MapRegister<NoodsteunpuntRegister, Noodsteunpunt, NoodsteunpuntFields, NoodsteunpuntValues, NoodsteunpuntRequest, NoodsteunpuntDto>(new(
            "noodsteunpunten", "Noodsteunpunten", "noodsteunpunt", "Het noodsteunpunt is niet opgeslagen.",
            Policies.GemeenteLezen, Policies.GemeenteBewerken, "noodsteunpunten",
            new RegisterOperations("Noodsteunpunt", "Noodsteunpunten",
                "De noodsteunpunten van de gemeente.",
                "Eén noodsteunpunt.",
                "Voeg een noodsteunpunt toe.",
                "Wijzig een noodsteunpunt (alle velden).",
                "Verwijder een noodsteunpunt.",
                "Importeer noodsteunpunten (CSV, alles of niets); mode=replace vervangt de lijst (standaard), mode=append voegt toe.",
                "De noodsteunpunten als CSV (zelfde kolommen als de import)."),
            NoodsteunpuntRules.JsonNames, NoodsteunpuntDto.Of, request => request.ToFields(), n => n.Id));
}
