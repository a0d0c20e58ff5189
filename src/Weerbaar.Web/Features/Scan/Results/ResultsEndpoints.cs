using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Results;

public static class ResultsEndpoints
{
    public static IEndpointRouteBuilder MapResultsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/rounds/{id:guid}/results", async Task<Results<Ok<RoundResultsDto>, ProblemHttpResult>> (
                Guid id, RoundResults results, CancellationToken ct) =>
                await results.ComputeAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : RoundsEndpoints.RoundNotFound(id))
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetRoundResults")
            .WithSummary("Uitkomsten van de ronde over de verstuurde antwoorden: per vraag n, weet niet, aantallen, percentages (van n) en gemiddelde; per pijler score en rang.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet(ApiConventions.BasePath + "/rounds/{id:guid}/results/comparisons", async Task<Results<Ok<ComparisonsDto>, ProblemHttpResult>> (
                Guid id, string? by, RoundComparisons comparisons, CancellationToken ct) =>
            {
                var dimension = by?.Trim().ToLowerInvariant() ?? "stedelijkheid";
                if (!Monitoring.ResponseMonitor.Dimensions.Contains(dimension))
                {
                    return TypedResults.Problem(ApiConventions.ValidationProblem($"Vergelijk op {string.Join(", ", Monitoring.ResponseMonitor.Dimensions)}.",
                        new Dictionary<string, object?> { ["errors"] = new[] { new { field = "by", message = $"Onbekende indeling '{by}'." } } }));
                }
                return await comparisons.ComputeAsync(id, dimension, ct) is { } dto ? TypedResults.Ok(dto) : RoundsEndpoints.RoundNotFound(id);
            })
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetRoundComparisons")
            .WithSummary("Verschillen tussen groepen gemeenten (stedelijkheid, provincie, veiligheidsregio, grootteklasse) per vraag: Mann–Whitney U of Kruskal–Wallis, effectgrootte, Holm-correctie.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet(ApiConventions.BasePath + "/rounds/{id:guid}/results/pillars", async Task<Results<Ok<PillarAnalysisDto>, ProblemHttpResult>> (
                Guid id, AppDbContext db, RoundResults results, CancellationToken ct) =>
                await db.ScanRounds.AnyAsync(r => r.Id == id, ct)
                    ? TypedResults.Ok(PillarAnalysisDto.From(await results.SubmittedAnswersAsync(id, ct)))
                    : RoundsEndpoints.RoundNotFound(id))
            .RequireAuthorization(Policies.Onderzoek).WithTags("Weerbaarheidsscan")
            .WithName("GetRoundPillarAnalysis")
            .WithSummary("Prioriteit en diepgang per pijler: gemiddelde rang, aandeel op één, Borda, paarsgewijze voorkeuren, Condorcet-volgorde en Kendalls W; per pijler bewustzijn tegen inzicht (Wilcoxon, Holm-correctie).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
