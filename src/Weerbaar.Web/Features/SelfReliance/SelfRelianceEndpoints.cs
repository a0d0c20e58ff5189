using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.SelfReliance;

public sealed record SelfRelianceAssumptionsRequest(int? Version, Dictionary<string, double?>? Values, bool? Reset);

public sealed record SelfRelianceBuurtDto(string Buurtcode, string Name, int? Residents, int? Age65Plus, int Estimate,
    double Older75Alone, double FromOlder75Alone, double FromOtherOlder, double FromUnder65, int AtHomeDependent, int InInstitutions, bool Capped, string Sentence);

public sealed record SelfRelianceDto(string Gemeentecode, int Residents, int Estimate, string Summary, bool RegisterCounted, int ResidentsWithoutBuurt,
    int AssumptionsVersion, IReadOnlyList<SelfRelianceAssumptionValue> Assumptions, IReadOnlyList<SelfRelianceBuurtDto> Buurten, int UnplacedRegister, string Source);

public static class SelfRelianceEndpoints
{
    public static IServiceCollection AddSelfReliance(this IServiceCollection services)
        => services.AddScoped<SelfRelianceStore>().AddScoped<SelfRelianceEstimator>();

    public static IEndpointRouteBuilder MapSelfRelianceEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/self-reliance").WithTags("Foto");

        api.MapGet("", async Task<Results<Ok<SelfRelianceDto>, ProblemHttpResult>> (string gemeentecode, SelfRelianceEstimator estimator, CancellationToken ct) =>
            await estimator.ForGemeenteAsync(gemeentecode, ct) is { } e ? TypedResults.Ok(ToDto(e)) : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetSelfReliance")
            .WithSummary("Schatting per buurt van de inwoners die zich niet 72 uur zelf redden, met de aannames (Bron: CBS en het register kwetsbare locaties).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/assumptions", async Task<Results<Ok<SelfRelianceDto>, ProblemHttpResult>> (
            string gemeentecode, SelfRelianceAssumptionsRequest request, SelfRelianceStore store, SelfRelianceEstimator estimator,
            ReferenceData reference, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var outcome = await store.SaveAsync(gemeente.Code, request.Values ?? [], request.Reset == true, request.Version, http.User.NameOrUnknown(), ct);
            return outcome switch
            {
                AssumptionsOutcome.Saved => TypedResults.Ok(ToDto((await estimator.ForGemeenteAsync(gemeente.Code, ct))!)),
                AssumptionsOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("De aannames zijn niet opgeslagen.",
                    new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList() })),
                AssumptionsOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft de aannames intussen gewijzigd; haal ze opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("SetSelfRelianceAssumptions")
            .WithSummary("Wijzig de aannames van de schatting (aandelen als fractie 0–1, uren als heel getal); reset herstelt de standaardwaarden.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static SelfRelianceDto ToDto(GemeenteSelfReliance e) => new(
        e.GemeenteCode, e.Residents, SelfRelianceSentences.People(e.Total), e.Summary, e.RegisterVisible, e.ResidentsWithoutBuurt,
        e.AssumptionsVersion, e.Assumptions,
        e.Buurten.Select(b => new SelfRelianceBuurtDto(b.Code, b.Name, b.Residents, b.Age65Plus, SelfRelianceSentences.People(b.Estimate.Total),
            b.Estimate.Older75Alone, b.Estimate.FromOlder75Alone, b.Estimate.FromOtherOlder, b.Estimate.FromUnder65,
            b.Estimate.AtHomeDependent, b.Estimate.InInstitutions, b.Estimate.Capped, b.Sentence)).ToList(),
        SelfRelianceSentences.People(e.Unplaced?.Total ?? 0),
        "CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0); register kwetsbare locaties van de gemeente; aannames van de gemeente");
}
