using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Analysis.Decision;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Afweging;

public sealed record WeightDto(string Criterion, string Name, double Low, double High, double Central);

public sealed record PriorityWeightsDto(string Method, int Version, IReadOnlyList<WeightDto> Weights, IReadOnlyList<double>? Pairwise,
    double? ConsistencyRatio, string? Warning, string Source);

public sealed record PreparednessPartDto(string Id, string Label, double? Value, string Source);

public sealed record PriorityRowDto(int Rank, string Scenariocode, string Name, bool Own, string Likelihood, string ImpactEndClass,
    double RiskScore, double? Preparedness, IReadOnlyList<PreparednessPartDto> PreparednessParts, IReadOnlyList<double> Values, double Score,
    IReadOnlyList<double>? RankAcceptability);

public sealed record ThresholdDto(double Weight, string NewTop);

public sealed record SensitivityDto(string Criterion, double Current, string Top, ThresholdDto? Below, ThresholdDto? Above);

public sealed record PriorityDto(string Gemeentecode, string MethodVersion, PriorityWeightsDto Weights, IReadOnlyList<PriorityRowDto> Scenarios,
    IReadOnlyList<string> NotAssessed, int Samples, string Seed, IReadOnlyList<SensitivityDto> Sensitivity, string Method);

/// <param name="Method">"direct" (weights as intervals) or "ahp" (three pairwise judgements, Saaty 1/9 … 9).</param>
/// <param name="Weights">Direct: per criterion (kans, impact, onvoorbereidheid) low and high (high may be left out: exact).</param>
/// <param name="Pairwise">AHP: kans vs impact, kans vs onvoorbereidheid, impact vs onvoorbereidheid, e.g. "3" or "1/5".</param>
/// <param name="Version">The version read; without it the last write wins.</param>
public sealed record PriorityWeightsRequest(string? Method, IReadOnlyList<WeightRequest>? Weights, IReadOnlyList<string>? Pairwise, int? Version, bool? Reset);

public sealed record WeightRequest(double? Low, double? High);

public static class PriorityEndpoints
{
    public static IServiceCollection AddAfweging(this IServiceCollection services)
        => services.AddScoped<PriorityWeightsStore>().AddScoped<ScenarioPriorityService>();

    public static IEndpointRouteBuilder MapPriorityEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}").WithTags("Afwegingskader");

        api.MapGet("/priority", async Task<Results<Ok<PriorityDto>, ProblemHttpResult>> (string gemeentecode, ScenarioPriorityService priority, CancellationToken ct) =>
            await priority.ComputeAsync(gemeentecode, ct) is { } report ? TypedResults.Ok(ToDto(report)) : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetScenarioPriority")
            .WithSummary("Welke crisis eerst: de beoordeelde scenario's op volgorde van kans, impact en onvoorbereidheid, met de kans op elke plaats (SMAA, vaste seed) en per gewicht de waarde waarbij de eerste plaats wisselt.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/priority-weights", async Task<Results<Ok<PriorityWeightsDto>, ProblemHttpResult>> (string gemeentecode, ScenarioPriorityService priority, CancellationToken ct) =>
            await priority.WeightsAsync(gemeentecode, ct) is { } state ? TypedResults.Ok(WeightsDto(state)) : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetScenarioPriorityWeights")
            .WithSummary("De gewichten van kans, impact en onvoorbereidheid, met de consistentieratio als ze uit paarsgewijze vergelijking (AHP) komen.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/priority-weights", async Task<Results<Ok<PriorityWeightsDto>, ProblemHttpResult>> (
            string gemeentecode, PriorityWeightsRequest request, PriorityWeightsStore store, ScenarioPriorityService priority, ReferenceData reference,
            HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            PriorityWeights? weights = null;
            List<Accounts.FieldError> errors = [];
            if (request.Reset != true)
            {
                (weights, errors) = request.Method switch
                {
                    PriorityWeights.Ahp => Pick(PriorityWeights.FromPairwise(request.Pairwise ?? [])),
                    PriorityWeights.Direct or null => PriorityWeights.FromDirect([.. (request.Weights ?? []).Select(w => (Text(w.Low), Text(w.High)))]),
                    _ => (null, [new Accounts.FieldError("method", "De methode moet 'direct' of 'ahp' zijn.")]),
                };
                if (request.Method is PriorityWeights.Direct or null && request.Weights is { Count: not 3 })
                {
                    errors.Add(new Accounts.FieldError("weights", "Geef precies drie gewichten: kans, impact en onvoorbereidheid."));
                    weights = null;
                }
                if (weights is null)
                {
                    return Invalid(errors);
                }
            }
            return await store.SaveAsync(gemeente.Code, weights, request.Version, http.User.NameOrUnknown(), ct) switch
            {
                AssumptionsOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft de gewichten intussen gewijzigd; haal ze opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                _ => TypedResults.Ok(WeightsDto((await priority.WeightsAsync(gemeente.Code, ct))!)),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("SetScenarioPriorityWeights")
            .WithSummary("Stel de gewichten in: direct (per criterium een ondergrens en bovengrens) of met drie paarsgewijze vergelijkingen (AHP); reset herstelt gelijke gewichten.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static (PriorityWeights?, List<Accounts.FieldError>) Pick((PriorityWeights? Weights, AhpResult? Ahp, List<Accounts.FieldError> Errors) r) => (r.Weights, r.Errors);

    private static string? Text(double? value) => value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemHttpResult Invalid(List<Accounts.FieldError> errors)
        => TypedResults.Problem(ApiConventions.ValidationProblem("De gewichten zijn niet opgeslagen.",
            new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToList() }));

    public static PriorityWeightsDto WeightsDto(PriorityWeightsState r)
    {
        var central = r.Weights.Central();
        return new PriorityWeightsDto(r.Weights.Method, r.Version,
            [.. r.Weights.Weights.Select((w, c) => new WeightDto(ScenarioPriority.CriterionIds[c], ScenarioPriority.CriterionNames[c], w.Low, w.High, central[c]))],
            r.Weights.Pairwise, r.Ahp?.ConsistencyRatio, r.Ahp?.Warning, PriorityWeights.Source);
    }

    public static PriorityDto ToDto(ScenarioPriorityReport r) => new(
        r.Gemeente.Code, r.MethodVersion, WeightsDto(r.Weighting),
        [.. r.Rows.Select((row, i) => new PriorityRowDto(row.Rank, row.Code, row.Name, row.Own, row.Risk.Likelihood.ToString(), row.Risk.EndClass.Label,
            row.Risk.RiskScore.Mean, row.Preparedness, [.. row.Parts.Select(p => new PreparednessPartDto(p.Id, p.Label, p.Value, p.Source))],
            row.Values, row.Score, r.Smaa?.RankAcceptability[i]))],
        [.. r.NotAssessed.Select(n => n.Code)], ScenarioPriorityReport.Samples, ScenarioPriorityReport.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [.. (r.Sensitivity ?? []).Select(s => new SensitivityDto(ScenarioPriority.CriterionIds[s.Criterion], s.Current, r.Rows[s.Top].Code,
            s.Below is { } b ? new ThresholdDto(b.Weight, r.Rows[b.NewTop].Code) : null,
            s.Above is { } a ? new ThresholdDto(a.Weight, r.Rows[a.NewTop].Code) : null))],
        ScenarioPriorityReport.Method);
}
