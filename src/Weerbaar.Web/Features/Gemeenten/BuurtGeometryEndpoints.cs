using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Gemeenten;

public sealed record BuurtGeometryLoadResult(int Loaded, int Skipped, IReadOnlyList<string> SkippedCodes);

public static class BuurtGeometryEndpoints
{
    private static readonly string?[] JsonTypes = ["application/geo+json", "application/json"];

    public static IEndpointRouteBuilder MapBuurtGeometryEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/buurt-geometries").WithTags("Gemeenten").RequireAuthorization(Policies.Beheer);

        api.MapPut("", async Task<Results<Ok<BuurtGeometryLoadResult>, ProblemHttpResult>> (HttpRequest request, BuurtGeometryStore store, CancellationToken ct) =>
        {
            if (!JsonTypes.Contains(request.ContentType?.Split(';')[0].Trim().ToLowerInvariant()))
            {
                return ApiConventions.Problem(StatusCodes.Status415UnsupportedMediaType, "Stuur de buurten als application/geo+json.");
            }
            var bytes = await RequestFiles.ReadLimitedAsync(request.Body, request.ContentLength, BuurtGeometryImport.MaxBytes, ct);
            if (bytes is null)
            {
                return ApiConventions.Problem(StatusCodes.Status413PayloadTooLarge,
                    $"Het bestand is groter dan {BuurtGeometryImport.MaxBytes / 1024 / 1024} MB; gebruik een vereenvoudigde kaart.");
            }
            var result = await store.ReplaceAsync(bytes, ct);
            return result.Errors.Count > 0
                ? TypedResults.Problem(ApiConventions.ValidationProblem("Er is niets geladen; de bestaande buurtgrenzen zijn ongewijzigd.",
                    new Dictionary<string, object?> { ["errors"] = result.Errors.Select(e => new { field = e.Field, message = e.Message }).ToList() }))
                : TypedResults.Ok(new BuurtGeometryLoadResult(result.Geometries.Count, result.UnknownCodes.Count, result.UnknownCodes.Take(100).ToList()));
        })
        .Accepts<object>("application/geo+json")
        .WithName("ReplaceBuurtGeometries")
        .WithSummary("Vervang alle buurtgrenzen door een GeoJSON FeatureCollection (WGS84; eigenschap buurtcode; Polygon, MultiPolygon of Point). Alles of niets.")
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapDelete("", async (BuurtGeometryStore store, CancellationToken ct) =>
        {
            await store.DeleteAllAsync(ct);
            return TypedResults.NoContent();
        })
        .WithName("DeleteBuurtGeometries")
        .WithSummary("Verwijder alle buurtgrenzen; de kaart toont de buurten dan alleen in de tabel.");
        return app;
    }
}
