using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Programme.Exports;

public static class RegioProgrammeEndpoints
{
    public static IEndpointRouteBuilder MapRegioProgrammeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/veiligheidsregios/{veiligheidsregiocode}/programmes", async Task<Results<Ok<RegioProgrammeOverview>, ProblemHttpResult>> (
                string veiligheidsregiocode, ClaimsPrincipal user, RegioProgrammes regio, CancellationToken ct) =>
            {
                if (!RegioProgrammes.MayRead(user, veiligheidsregiocode))
                {
                    return ApiConventions.Problem(StatusCodes.Status403Forbidden,
                        "U kunt alleen de programma's van de gemeenten in uw eigen veiligheidsregio zien.");
                }
                return await regio.LoadAsync(veiligheidsregiocode, ct) is { } overview
                    ? TypedResults.Ok(overview)
                    : ApiConventions.Problem(StatusCodes.Status404NotFound,
                        $"Er is geen veiligheidsregio met code '{veiligheidsregiocode}'. Codes zien eruit als VR14.");
            })
            .RequireAuthorization(p => p.RequireRole(RegioProgrammes.AllowedRoles.Split(',')))
            .WithTags("Programmaplan")
            .WithName("ListVeiligheidsregioProgrammes")
            .WithSummary("De programma's van de gemeenten in de veiligheidsregio naast elkaar: per gemeente regisseur, acties, afgerond, over de deadline en geld; acties per pijler; en per partner wat elke gemeente met die partner heeft (acties, afspraken, eerstvolgende herziening). Een regiogebruiker ziet alleen de eigen regio.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
