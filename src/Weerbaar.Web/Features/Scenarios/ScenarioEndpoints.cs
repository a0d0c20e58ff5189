using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scenarios;

/// <param name="Source">"landelijk" (the national library, read-only) or "eigen".</param>
public sealed record ScenarioDto(
    string Code, string Name, string Description, string Source, IReadOnlyList<string> Pillars, IReadOnlyList<string> VitalServices,
    int TypicalDurationHours, IReadOnlyList<string> ScarceResources, string? BasedOnCode, int? BasedOnLibraryVersion, int Version,
    string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record ScenarioListDto(string Gemeentecode, string LibraryId, string LibraryTitle, int LibraryVersion, IReadOnlyList<ScenarioDto> Scenarios);

/// <param name="Version">The version that was read (required to change an own scenario).</param>
public sealed record OwnScenarioRequest(
    string? Code, string? Name, string? Description, List<string>? Pillars, List<string>? VitalServices, int? TypicalDurationHours,
    List<string>? ScarceResources, string? BasedOnCode, int? Version);

public static class ScenarioEndpoints
{
    public static IServiceCollection AddScenarios(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => ScenarioLibrary.LoadNewest());
        return services.AddScoped<ScenarioCatalog>().AddScoped<OwnScenarioStore>();
    }

    public static IEndpointRouteBuilder MapScenarioEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/scenarios").WithTags("Afwegingskader");

        api.MapGet("", async Task<Results<Ok<ScenarioListDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, ScenarioCatalog catalog, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var l = catalog.Library;
            return TypedResults.Ok(new ScenarioListDto(g.Code, l.Id, l.Title, l.Version, (await catalog.ForGemeenteAsync(g.Code, ct)).Select(ToDto).ToList()));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListScenarios")
            .WithSummary("De scenario's van de gemeente: de landelijke bibliotheek (alleen-lezen) en de eigen scenario's.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", async Task<Results<Created<ScenarioDto>, ProblemHttpResult>> (string gemeentecode, OwnScenarioRequest request, ReferenceData reference,
            OwnScenarioStore store, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.CreateAsync(g.Code, Input(request), http.User.NameOrUnknown(), ct);
            return outcome is OwnScenarioOutcome.Saved saved
                ? TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/scenarios/{saved.Scenario.Code}", ToDto(ScenarioView.Of(saved.Scenario)))
                : Problem(outcome, "");
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateScenario")
            .WithSummary("Voeg een eigen scenario toe, eventueel gebaseerd op een landelijk scenario (basedOnCode). De code begint met 'eigen-'; leeg = afgeleid van de naam.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/{scenariocode}", async Task<Results<Ok<ScenarioDto>, ProblemHttpResult>> (string gemeentecode, string scenariocode, ReferenceData reference,
            ScenarioCatalog catalog, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await catalog.FindAsync(g.Code, scenariocode, ct) is { } s ? TypedResults.Ok(ToDto(s)) : ScenarioNotFound(scenariocode);
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetScenario")
            .WithSummary("Eén scenario (landelijk of eigen).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{scenariocode}", async Task<Results<Ok<ScenarioDto>, ProblemHttpResult>> (string gemeentecode, string scenariocode, OwnScenarioRequest request,
            ReferenceData reference, OwnScenarioStore store, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.UpdateAsync(g.Code, scenariocode, Input(request), request.Version, http.User.NameOrUnknown(), ct);
            return outcome is OwnScenarioOutcome.Saved saved ? TypedResults.Ok(ToDto(ScenarioView.Of(saved.Scenario))) : Problem(outcome, scenariocode);
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("UpdateScenario")
            .WithSummary("Wijzig een eigen scenario; stuur de gelezen versie mee (409 als iemand anders het intussen wijzigde). Landelijke scenario's zijn alleen-lezen (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("/{scenariocode}", async Task<Results<NoContent, ProblemHttpResult>> (string gemeentecode, string scenariocode, bool? deleteAssessment,
            ReferenceData reference, OwnScenarioStore store, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.DeleteAsync(g.Code, scenariocode, deleteAssessment == true, ct);
            return outcome is OwnScenarioOutcome.Deleted ? TypedResults.NoContent() : Problem(outcome, scenariocode);
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("DeleteScenario")
            .WithSummary("Verwijder een eigen scenario. Is het beoordeeld, dan alleen met deleteAssessment=true (de beoordeling gaat mee); anders 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static ProblemHttpResult ScenarioNotFound(string code) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Deze gemeente heeft geen scenario met code '{code}'.");

    private static ProblemHttpResult Problem(OwnScenarioOutcome outcome, string code) => outcome switch
    {
        OwnScenarioOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("Het scenario is niet opgeslagen.",
            new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList() })),
        OwnScenarioOutcome.Conflict c => Conflict($"{c.UpdatedBy} heeft het scenario intussen gewijzigd; haal het opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
        OwnScenarioOutcome.National => Conflict(OwnScenarioStore.NationalMessage(code)),
        OwnScenarioOutcome.Assessed => Conflict($"Het scenario '{code}' is beoordeeld. Verwijder het met deleteAssessment=true om de beoordeling mee te verwijderen; er is niets verwijderd."),
        OwnScenarioOutcome.NotFound => ScenarioNotFound(code),
        _ => throw new InvalidOperationException(),
    };

    private static ProblemHttpResult Conflict(string detail) =>
        ApiConventions.Problem(StatusCodes.Status409Conflict, detail);

    private static OwnScenarioInput Input(OwnScenarioRequest r) => new(r.Code, r.Name, r.Description, r.Pillars, r.VitalServices,
        r.TypicalDurationHours?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ScarceResources, r.BasedOnCode);

    public static ScenarioDto ToDto(ScenarioView s) => new(s.Code, s.Name, s.Description, s.IsOwn ? "eigen" : "landelijk", s.Pillars, s.VitalServices,
        s.TypicalDurationHours, s.ScarceResources, s.BasedOnCode, s.BasedOnLibraryVersion, s.Version, s.UpdatedBy, s.UpdatedAt);
}
