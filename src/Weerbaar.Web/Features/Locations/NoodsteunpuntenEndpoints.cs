using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
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

/// <summary>The noodsteunpunten of a gemeente: ordinary gemeente data (its users, its region and the national roles read; the coordinator writes).</summary>
public static class NoodsteunpuntenEndpoints
{
    private const string Tag = "Noodsteunpunten";
    private const string What = "noodsteunpunt";

    public static IEndpointRouteBuilder MapNoodsteunpuntenEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/noodsteunpunten").WithTags(Tag);

        api.MapGet("", async Task<Results<Ok<List<NoodsteunpuntDto>>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, NoodsteunpuntRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await register.ListAsync(g.Code, ct)).Select(NoodsteunpuntDto.Of).ToList()))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListNoodsteunpunten").WithSummary("De noodsteunpunten van de gemeente.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}", async Task<Results<Ok<NoodsteunpuntDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, NoodsteunpuntRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await register.FindAsync(g.Code, id, ct) is { } n ? TypedResults.Ok(NoodsteunpuntDto.Of(n)) : RegisterApi.NotFound(What, id))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetNoodsteunpunt").WithSummary("Eén noodsteunpunt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", async Task<Results<Created<NoodsteunpuntDto>, ProblemHttpResult>> (
            string gemeentecode, NoodsteunpuntRequest request, ReferenceData reference, NoodsteunpuntRegister register, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var saved = await register.SaveAsync(g, null, request.ToFields(), RegisterApi.User(http), ct);
            return saved.Entity is { } n
                ? TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/noodsteunpunten/{n.Id}", NoodsteunpuntDto.Of(n))
                : RegisterApi.Invalid("Het noodsteunpunt is niet opgeslagen.", saved.Errors, NoodsteunpuntRules.JsonNames);
        })
        .RequireAuthorization(Policies.GemeenteBewerken)
        .WithName("CreateNoodsteunpunt").WithSummary("Voeg een noodsteunpunt toe.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/{id:guid}", async Task<Results<Ok<NoodsteunpuntDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, NoodsteunpuntRequest request, ReferenceData reference, NoodsteunpuntRegister register, HttpContext http, CancellationToken ct) =>
        {
            if (RegisterApi.Gemeente(reference, gemeentecode) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var saved = await register.SaveAsync(g, id, request.ToFields(), RegisterApi.User(http), ct);
            return saved.Entity is { } n ? TypedResults.Ok(NoodsteunpuntDto.Of(n))
                : saved.NotFound ? RegisterApi.NotFound(What, id)
                : RegisterApi.Invalid("Het noodsteunpunt is niet opgeslagen.", saved.Errors, NoodsteunpuntRules.JsonNames);
        })
        .RequireAuthorization(Policies.GemeenteBewerken)
        .WithName("UpdateNoodsteunpunt").WithSummary("Wijzig een noodsteunpunt (alle velden).")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, NoodsteunpuntRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await register.DeleteAsync(g.Code, id, ct) ? TypedResults.NoContent() : RegisterApi.NotFound(What, id))
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("DeleteNoodsteunpunt").WithSummary("Verwijder een noodsteunpunt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/import", async Task<Results<Ok<RegisterImportResponse>, ProblemHttpResult>> (
            string gemeentecode, string? mode, ReferenceData reference, NoodsteunpuntRegister register, HttpContext http, CancellationToken ct) =>
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
        .RequireAuthorization(Policies.GemeenteBewerken)
        .WithName("ImportNoodsteunpunten")
        .WithSummary("Importeer noodsteunpunten (CSV, alles of niets); mode=replace vervangt de lijst (standaard), mode=append voegt toe.")
        .Accepts<string>("text/csv")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, NoodsteunpuntRegister register, CancellationToken ct) =>
            RegisterApi.Gemeente(reference, gemeentecode) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.File(await register.ExportAsync(g.Code, ct), "text/csv; charset=utf-8", $"noodsteunpunten-{g.Code}.csv"))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ExportNoodsteunpunten").WithSummary("De noodsteunpunten als CSV (zelfde kolommen als de import).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
