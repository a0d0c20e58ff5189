using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Siting;

public sealed record SitingCandidateRequest(string? Name, double? Latitude = null, double? Longitude = null, int? Capacity = null, string? Notes = null)
{
    public SitingCandidateFields ToFields() => new(Name, VulnerableLocationRules.Number(Latitude), VulnerableLocationRules.Number(Longitude),
        VulnerableLocationRules.Number(Capacity), Notes);
}

public sealed record SitingCandidateDto(Guid Id, string GemeenteCode, string Name, double Latitude, double Longitude, int? Capacity, string? Notes, DateTimeOffset UpdatedAt)
{
    public static SitingCandidateDto Of(SitingCandidate c) => new(c.Id, c.GemeenteCode, c.Name, c.Latitude, c.Longitude, c.Capacity, c.Notes, c.UpdatedAt);
}

public static class SitingCandidatesEndpoints
{
    /// <summary>Candidate sites: gemeente data like the noodsteunpunten (its users, its region and the national roles read; the coordinator writes).</summary>
    public static IEndpointRouteBuilder MapSitingCandidatesEndpoints(this IEndpointRouteBuilder app)
        => app.MapRegister<SitingCandidateRegister, SitingCandidate, SitingCandidateFields, SitingCandidateValues, SitingCandidateRequest, SitingCandidateDto>(new(
            "kandidaatlocaties", "Noodsteunpunten", "kandidaatlocatie", "De kandidaatlocatie is niet opgeslagen.",
            Policies.GemeenteLezen, Policies.GemeenteBewerken, "kandidaatlocaties",
            new RegisterOperations("Kandidaatlocatie", "Kandidaatlocaties",
                "De kandidaatlocaties voor nieuwe noodsteunpunten (invoer van de locatiekeuze).",
                "Eén kandidaatlocatie.",
                "Voeg een kandidaatlocatie toe.",
                "Wijzig een kandidaatlocatie (alle velden).",
                "Verwijder een kandidaatlocatie.",
                "Importeer kandidaatlocaties (CSV, alles of niets); mode=replace vervangt de lijst (standaard), mode=append voegt toe.",
                "De kandidaatlocaties als CSV (zelfde kolommen als de import)."),
            SitingCandidateRules.JsonNames, SitingCandidateDto.Of, request => request.ToFields(), c => c.Id));
}
