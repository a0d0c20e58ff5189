using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Foto;

public static class ScanPositionEndpoints
{
    public static IEndpointRouteBuilder MapScanPositionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/scan-position", async Task<Results<Ok<ScanPositionDto>, ProblemHttpResult>> (
                string gemeentecode, Guid? roundId, ScanPositionService positions, ReferenceData reference, CancellationToken ct) =>
            {
                if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
                {
                    return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
                }
                return await positions.ComputeAsync(gemeente.Code, roundId, ct) is { } position
                    ? TypedResults.Ok(ScanPositionDto.From(position))
                    : ApiConventions.Problem(StatusCodes.Status404NotFound, roundId is null
                            ? $"{gemeente.Name} heeft in geen enkele ronde van de Weerbaarheidsscan verstuurde antwoorden."
                            : $"{gemeente.Name} heeft in ronde {roundId} geen verstuurde antwoorden (of de ronde bestaat niet).");
            })
            .RequireAuthorization(Policies.GemeenteLezen).WithTags("Weerbaarheidsscan")
            .WithName("GetGemeenteScanPosition")
            .WithSummary("De positie van de gemeente in de Weerbaarheidsscan: per pijler de eigen score naast het gemiddelde van alle, regio-, grootte- en stedelijkheidsgenoten (te kleine groepen verborgen), percentiel, open antwoorden en trend over rondes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
