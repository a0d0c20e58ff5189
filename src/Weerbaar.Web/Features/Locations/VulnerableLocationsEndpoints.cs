using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Locations;

public sealed record VulnerableLocationRequest(
    string? Category, string? Name, string? Address = null, string? Postcode = null, string? BuurtCode = null, double? Latitude = null, double? Longitude = null,
    int? People = null, int? HoursWithoutPower = null, int? HoursWithoutWater = null, int? HoursWithoutCommunication = null, List<string>? Dependencies = null,
    string? ContactName = null, string? ContactPhone = null, string? ContactEmail = null, string? Notes = null)
{
    public VulnerableLocationFields ToFields() => new(Category, Name, Address, Postcode, BuurtCode, VulnerableLocationRules.Number(Latitude),
        VulnerableLocationRules.Number(Longitude), VulnerableLocationRules.Number(People), VulnerableLocationRules.Number(HoursWithoutPower),
        VulnerableLocationRules.Number(HoursWithoutWater), VulnerableLocationRules.Number(HoursWithoutCommunication), string.Join(";", Dependencies ?? []),
        ContactName, ContactPhone, ContactEmail, Notes);
}

public sealed record VulnerableLocationDto(
    Guid Id, string GemeenteCode, string Category, string CategoryLabel, bool Aggregated, string Name, string? Address, string? Postcode, string? BuurtCode,
    double? Latitude, double? Longitude, int People, int? HoursWithoutPower, int? HoursWithoutWater, int? HoursWithoutCommunication,
    IReadOnlyList<string> Dependencies, string? ContactName, string? ContactPhone, string? ContactEmail, string? Notes, DateTimeOffset UpdatedAt)
{
    public static VulnerableLocationDto Of(VulnerableLocation l) => new(
        l.Id, l.GemeenteCode, l.Category, LocationCategories.Label(l.Category), LocationCategories.Find(l.Category)?.Aggregated == true, l.Name, l.Address,
        l.Postcode, l.BuurtCode, l.Latitude, l.Longitude, l.People, l.HoursWithoutPower, l.HoursWithoutWater, l.HoursWithoutCommunication, l.Dependencies,
        l.ContactName, l.ContactPhone, l.ContactEmail, l.Notes, l.UpdatedAt);
}

public static class VulnerableLocationsEndpoints
{
    /// <summary>The register of vulnerable locations: only the gemeente (coordinator writes) and its veiligheidsregio (reads).</summary>
    public static IEndpointRouteBuilder MapVulnerableLocationsEndpoints(this IEndpointRouteBuilder app)
        => app.MapRegister<VulnerableLocationRegister, VulnerableLocation, VulnerableLocationFields, VulnerableLocationValues, VulnerableLocationRequest, VulnerableLocationDto>(new(
            "vulnerable-locations", "Kwetsbare locaties", "kwetsbare locatie", "De locatie is niet opgeslagen.",
            Policies.GemeenteLokaalLezen, Policies.GemeenteLokaalBewerken, "kwetsbare-locaties",
            new RegisterOperations("VulnerableLocation", "VulnerableLocations",
                "De kwetsbare locaties van de gemeente (alleen voor de gemeente en haar veiligheidsregio).",
                "Eén kwetsbare locatie.",
                "Voeg een kwetsbare locatie toe (coördinator van de gemeente).",
                "Wijzig een kwetsbare locatie (alle velden).",
                "Verwijder een kwetsbare locatie.",
                "Importeer kwetsbare locaties (CSV, alles of niets); mode=replace vervangt het register (standaard), mode=append voegt toe.",
                "Het register als CSV (zelfde kolommen als de import)."),
            VulnerableLocationRules.JsonNames, VulnerableLocationDto.Of, request => request.ToFields(), l => l.Id));
}
