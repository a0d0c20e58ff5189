using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
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

/// <summary>The register of vulnerable locations: only the gemeente (coordinator writes) and its veiligheidsregio (reads).</summary>
public static class VulnerableLocationsEndpoints
{
    private const string Tag = "Kwetsbare locaties";
    private const string What = "kwetsbare locatie";

    public static IEndpointRouteBuilder MapVulnerableLocationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/vulnerable-locations").WithTags(Tag);

        api.MapGet("", async Task<Results<Ok<List<VulnerableLocationDto>>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, VulnerableLocationRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await register.ListAsync(g.Code, ct)).Select(VulnerableLocationDto.Of).ToList()))
            .RequireAuthorization(Policies.GemeenteLokaalLezen)
            .WithName("ListVulnerableLocations").WithSummary("De kwetsbare locaties van de gemeente (alleen voor de gemeente en haar veiligheidsregio).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}", async Task<Results<Ok<VulnerableLocationDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, VulnerableLocationRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await register.FindAsync(g.Code, id, ct) is { } l ? TypedResults.Ok(VulnerableLocationDto.Of(l)) : RegisterApi.NotFound(What, id))
            .RequireAuthorization(Policies.GemeenteLokaalLezen)
            .WithName("GetVulnerableLocation").WithSummary("Eén kwetsbare locatie.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", async Task<Results<Created<VulnerableLocationDto>, ProblemHttpResult>> (
            string gemeentecode, VulnerableLocationRequest request, ReferenceData reference, VulnerableLocationRegister register, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var saved = await register.SaveAsync(g, null, request.ToFields(), RegisterApi.User(http), ct);
            return saved.Entity is { } l
                ? TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/vulnerable-locations/{l.Id}", VulnerableLocationDto.Of(l))
                : RegisterApi.Invalid("De locatie is niet opgeslagen.", saved.Errors, VulnerableLocationRules.JsonNames);
        })
        .RequireAuthorization(Policies.GemeenteLokaalBewerken)
        .WithName("CreateVulnerableLocation").WithSummary("Voeg een kwetsbare locatie toe (coördinator van de gemeente).")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/{id:guid}", async Task<Results<Ok<VulnerableLocationDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, VulnerableLocationRequest request, ReferenceData reference, VulnerableLocationRegister register, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var saved = await register.SaveAsync(g, id, request.ToFields(), RegisterApi.User(http), ct);
            return saved.Entity is { } l ? TypedResults.Ok(VulnerableLocationDto.Of(l))
                : saved.NotFound ? RegisterApi.NotFound(What, id)
                : RegisterApi.Invalid("De locatie is niet opgeslagen.", saved.Errors, VulnerableLocationRules.JsonNames);
        })
        .RequireAuthorization(Policies.GemeenteLokaalBewerken)
        .WithName("UpdateVulnerableLocation").WithSummary("Wijzig een kwetsbare locatie (alle velden).")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, VulnerableLocationRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await register.DeleteAsync(g.Code, id, ct) ? TypedResults.NoContent() : RegisterApi.NotFound(What, id))
            .RequireAuthorization(Policies.GemeenteLokaalBewerken)
            .WithName("DeleteVulnerableLocation").WithSummary("Verwijder een kwetsbare locatie.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/import", async Task<Results<Ok<RegisterImportResponse>, ProblemHttpResult>> (
            string gemeentecode, string? mode, ReferenceData reference, VulnerableLocationRegister register, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (RegisterApi.Mode(mode) is not { } importMode)
            {
                return RegisterApi.BadMode(mode);
            }
            var (bytes, refusal) = await RegisterApi.ReadCsvAsync(http.Request, ct);
            if (bytes is null)
            {
                return refusal!;
            }
            var result = await register.ImportAsync(g, bytes, importMode, RegisterApi.User(http), ct);
            return result.Errors.Count > 0 ? RegisterApi.ImportInvalid(result) : TypedResults.Ok(new RegisterImportResponse(result.Imported, result.Removed));
        })
        .RequireAuthorization(Policies.GemeenteLokaalBewerken)
        .WithName("ImportVulnerableLocations")
        .WithSummary("Importeer kwetsbare locaties (CSV, alles of niets); mode=replace vervangt het register (standaard), mode=append voegt toe.")
        .Accepts<string>("text/csv")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, VulnerableLocationRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.File(await register.ExportAsync(g.Code, ct), "text/csv; charset=utf-8", $"kwetsbare-locaties-{g.Code}.csv"))
            .RequireAuthorization(Policies.GemeenteLokaalLezen)
            .WithName("ExportVulnerableLocations").WithSummary("Het register als CSV (zelfde kolommen als de import).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
