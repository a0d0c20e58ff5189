using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Data;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Features.Gemeenten;

public sealed record GemeenteListItem(
    string Gemeentecode, string Name, string ProvincieCode, string Provincie, string VeiligheidsregioCode, string Veiligheidsregio,
    int Residents, int? Density, int Stedelijkheid, bool IsUrban);

public sealed record GemeentenListPage(IReadOnlyList<GemeenteListItem> Items, int Total, int Page, int PageSize, int PageCount);

public static class GemeentenEndpoints
{
    public static IEndpointRouteBuilder MapGemeentenEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten").WithTags("Gemeenten");

        api.MapGet("", Results<Ok<GemeentenListPage>, ProblemHttpResult> (
            ReferenceData reference, string? q, string? provincie, string? veiligheidsregio, string? sort, int? page, int? pageSize) =>
        {
            if (sort is not null && !GemeentenQueries.SortKeys.Contains(sort))
            {
                return ApiConventions.Problem(StatusCodes.Status400BadRequest,
                    $"Onbekende sortering '{sort}'. Kies uit: {string.Join(", ", GemeentenQueries.SortKeys)}.");
            }
            if (pageSize is < 1 or > GemeentenQueries.MaxPageSize || page is < 1)
            {
                return ApiConventions.Problem(StatusCodes.Status400BadRequest, $"page moet ≥ 1 zijn en pageSize tussen 1 en {GemeentenQueries.MaxPageSize}.");
            }
            var result = GemeentenQueries.Search(reference, new GemeentenFilter(q, provincie, veiligheidsregio, sort, page ?? 1, pageSize ?? 50));
            return TypedResults.Ok(new GemeentenListPage(
                result.Items.Select(g => new GemeenteListItem(g.Code, g.Name, g.ProvincieCode, g.ProvincieName, g.VeiligheidsregioCode,
                    g.VeiligheidsregioName, g.Residents, g.Density, g.UrbanityModal, g.IsUrban)).ToList(),
                result.Total, result.Page, result.PageSize, result.PageCount));
        })
        .WithName("ListGemeenten")
        .WithSummary("Zoek, filter, sorteer en pagineer de gemeenten (CBS 2024).")
        .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{gemeentecode}", async Task<Results<Ok<GemeenteDetail>, ProblemHttpResult>> (
            string gemeentecode, AppDbContext db, ReferenceData reference, CancellationToken ct) =>
        {
            var detail = await GemeentenQueries.DetailAsync(db, reference, gemeentecode, ct);
            return detail is null ? GemeenteNotFound(gemeentecode) : TypedResults.Ok(detail);
        })
        .WithName("GetGemeente")
        .WithSummary("Kerncijfers van een gemeente met haar wijken en buurten (Bron: CBS).")
        .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{gemeentecode}/outline", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
            string gemeentecode, AppDbContext db, CancellationToken ct) =>
        {
            var geometry = await GemeentenQueries.OutlineAsync(db, gemeentecode, ct);
            return geometry is null
                ? GemeenteNotFound(gemeentecode)
                : TypedResults.Content($$"""{"type":"Feature","properties":{"gemeentecode":"{{gemeentecode.ToUpperInvariant()}}"},"geometry":{{geometry}}}""", "application/geo+json");
        })
        .WithName("GetGemeenteOutline")
        .WithSummary("De (vereenvoudigde) omtrek van de gemeente als GeoJSON (EPSG:4289, Bron: CBS).")
        .Produces<string>(StatusCodes.Status200OK, "application/geo+json")
        .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    /// <summary>The 404 problem of every endpoint under /gemeenten/{gemeentecode}.</summary>
    public static ProblemHttpResult GemeenteNotFound(string code) => ApiConventions.Problem(StatusCodes.Status404NotFound,
        $"Er is geen gemeente met code '{code}'. Gemeentecodes zien eruit als GM0363.");
}
