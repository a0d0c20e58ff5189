using Microsoft.AspNetCore.Http.HttpResults;
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
        return app;
    }
}
