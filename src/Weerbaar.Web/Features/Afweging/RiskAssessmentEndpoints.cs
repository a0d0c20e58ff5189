using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Analysis.Risk;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scenarios;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Afweging;

public sealed record ScoreRangeDto(double Min, double Mean, double Max);

/// <summary>Where the scenario stands in the risk diagram: x = likelihood class (A = 1 … E = 5), y = impact on the class axis (X = 0 … E = 5).</summary>
public sealed record DiagramPositionDto(double X, double XMin, double XMax, double Y, double YMin, double YMax);

public sealed record RiskAssessmentDto(
    int? Position, string ScenarioCode, string ScenarioName, string ScenarioSource, string MethodVersion, string? Likelihood, string LikelihoodLabel,
    IReadOnlyDictionary<string, string> Impacts, int? OwnPreparedness, string? Rationale, int Version, string UpdatedBy, DateTimeOffset UpdatedAt,
    ScoreRangeDto ImpactScore, string EndClass, string EndClassLow, string EndClassHigh, ScoreRangeDto RiskScore, DiagramPositionDto Diagram);

public sealed record UnassessedScenarioDto(string Code, string Name, string Source);

public sealed record AxisTickDto(double Position, string Class, string Label);

public sealed record RiskAssessmentsDto(
    string Gemeentecode, string MethodVersion, string Period, IReadOnlyList<RiskAssessmentDto> Ranked, IReadOnlyList<UnassessedScenarioDto> Unassessed,
    IReadOnlyList<AxisTickDto> LikelihoodAxis, IReadOnlyList<AxisTickDto> ImpactAxis, string Method);

/// <param name="Version">0 for a first assessment, otherwise the version that was read.</param>
/// <param name="Impacts">Per impact criterion id (e.g. "doden", "kosten"): X, A–E or a range such as "B–C".</param>
/// <param name="OwnPreparedness">The gemeente's own judgement, 1 (niet voorbereid) to 5 (goed voorbereid); null = not given.</param>
public sealed record RiskAssessmentRequest(int? Version, string? Likelihood, Dictionary<string, string?>? Impacts, int? OwnPreparedness, string? Rationale);

public static class RiskAssessmentEndpoints
{
    public const string MethodText = "Risicomethode van het nationaal/regionaal risicoprofiel: waarschijnlijkheid A–E, impact X/A–E per criterium, "
        + "gewogen som en gewogen gemiddelde als eindscore, risicoscore = waarschijnlijkheid × eindscore (aanname, alleen voor de volgorde). Zie docs/risk-method.md.";

    public static IServiceCollection AddRiskAssessments(this IServiceCollection services)
        => services.AddScoped<RiskAssessmentStore>().AddScoped<RiskOverview>();

    public static IEndpointRouteBuilder MapRiskAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/risk-assessments").WithTags("Afwegingskader");

        api.MapGet("", async Task<Results<Ok<RiskAssessmentsDto>, ProblemHttpResult>> (string gemeentecode, ReferenceData reference, RiskOverview overview, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var risk = await overview.ForGemeenteAsync(g.Code, ct);
            var d = risk.Diagram;
            return TypedResults.Ok(new RiskAssessmentsDto(g.Code, risk.MethodVersion, d.Period,
                risk.Ranked.Select(r => ToDto(r.Position, r.Scenario, r.Entry, r.Risk)).ToList(),
                risk.Unassessed.Select(s => new UnassessedScenarioDto(s.Code, s.Name, s.IsOwn ? "eigen" : "landelijk")).ToList(),
                d.XAxis.Select(t => new AxisTickDto(t.Position, t.Class, t.Label)).ToList(),
                d.YAxis.Select(t => new AxisTickDto(t.Position, t.Class, t.Label)).ToList(), MethodText));
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListRiskAssessments")
            .WithSummary("De beoordeelde scenario's van de gemeente in volgorde van risico, met scores en plaats in het risicodiagram, en de nog niet beoordeelde.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/{scenariocode}", async Task<Results<Ok<RiskAssessmentDto>, ProblemHttpResult>> (string gemeentecode, string scenariocode, RiskAssessmentRequest request,
            ReferenceData reference, RiskAssessmentStore store, ScenarioCatalog catalog, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var input = new RiskAssessmentInput(request.Likelihood, request.Impacts,
                request.OwnPreparedness?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Rationale);
            var outcome = await store.SaveAsync(g.Code, scenariocode, input, request.Version, http.User.NameOrUnknown(), ct);
            return outcome switch
            {
                RiskAssessmentOutcome.Saved s => TypedResults.Ok(ToDto(null, (await catalog.FindAsync(g.Code, scenariocode, ct))!, s.Entry, s.Risk)),
                RiskAssessmentOutcome.Invalid invalid => TypedResults.Problem(ApiConventions.ValidationProblem("De beoordeling is niet opgeslagen.",
                    new Dictionary<string, object?> { ["errors"] = invalid.Errors.Select(e => new { field = JsonField(e.Field), message = e.Message }).ToList() })),
                RiskAssessmentOutcome.Conflict c => ApiConventions.Problem(StatusCodes.Status409Conflict,
                    $"{c.UpdatedBy} heeft de beoordeling intussen gewijzigd; haal haar opnieuw op en probeer het nog eens. Er is niets opgeslagen."),
                RiskAssessmentOutcome.NotFound => ScenarioEndpoints.ScenarioNotFound(scenariocode),
                _ => throw new InvalidOperationException(),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("SetRiskAssessment")
            .WithSummary("Leg de beoordeling van één scenario vast (waarschijnlijkheid, impact per criterium, eigen voorbereiding, onderbouwing); stuur de gelezen versie mee (0 = nieuw).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static string JsonField(string field) => field switch
    {
        AssessmentValidator.LikelihoodField or RiskAssessmentStore.PreparednessField or RiskAssessmentStore.RationaleField or RiskAssessmentStore.VersionField => field,
        AssessmentValidator.ScenarioField => "scenariocode",
        _ => "impacts." + field,
    };

    private static ScoreRangeDto Range(ScoreRange r) => new(r.Min, r.Mean, r.Max);

    public static RiskAssessmentDto ToDto(int? position, ScenarioView scenario, RiskAssessmentEntry e, ScenarioRisk r) => new(
        position, scenario.Code, scenario.Name, scenario.IsOwn ? "eigen" : "landelijk", e.MethodVersion, e.Likelihood, r.LikelihoodLabel, e.Impacts,
        e.OwnPreparedness, e.Rationale, e.Version, e.UpdatedBy, e.UpdatedAt, Range(r.ImpactScore), r.EndClass.Label, r.EndClassLow.Label, r.EndClassHigh.Label,
        Range(r.RiskScore), new DiagramPositionDto(r.LikelihoodPosition.Mean, r.LikelihoodPosition.Min, r.LikelihoodPosition.Max,
            r.ImpactPosition.Mean, r.ImpactPosition.Min, r.ImpactPosition.Max));
}
