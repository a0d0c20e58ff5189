using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Locations;

public sealed record NoodsteunpuntRequest(
    string? Name, string? Address = null, string? Postcode = null, string? BuurtCode = null, double? Latitude = null, double? Longitude = null,
    int? Capacity = null, bool? HasBackupPower = null, string? Notes = null)
{
    public NoodsteunpuntFields ToFields() => new(Name, Address, Postcode, BuurtCode, VulnerableLocationRules.Number(Latitude), VulnerableLocationRules.Number(Longitude),
        VulnerableLocationRules.Number(Capacity), HasBackupPower == true ? "ja" : "nee", Notes);
}

public sealed record NoodsteunpuntDto(
    Guid Id, string GemeenteCode, string Name, string? Address, string? Postcode, string? BuurtCode, double? Latitude, double? Longitude,
    int? Capacity, bool HasBackupPower, string? Notes, DateTimeOffset UpdatedAt)
{
    public static NoodsteunpuntDto Of(Noodsteunpunt n) => new(
        n.Id, n.GemeenteCode, n.Name, n.Address, n.Postcode, n.BuurtCode, n.Latitude, n.Longitude, n.Capacity, n.HasBackupPower, n.Notes, n.UpdatedAt);
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
