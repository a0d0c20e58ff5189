using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>One of a gemeente's own responses, with the round it belongs to; answers are codes as in the response file.</summary>
public sealed record OwnResponse(
    Guid RoundId, string RoundName, string Instrument, string Status, DateTimeOffset? SubmittedAt, IReadOnlyDictionary<string, string> Answers);

/// <summary>A gemeente reads its own Weerbaarheidsscan responses (API and the page /gemeenten/{code}/scan).</summary>
public static class OwnResponses
{
    public static IEndpointRouteBuilder MapOwnResponsesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/scan-responses", async Task<Results<Ok<List<OwnResponse>>, ProblemHttpResult>> (
                string gemeentecode, AppDbContext db, ReferenceData reference, CancellationToken ct) =>
                reference.Gemeente(gemeentecode.ToUpperInvariant()) is null
                    ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                    : TypedResults.Ok(await ListAsync(db, gemeentecode, ct)))
            .WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListGemeenteScanResponses")
            .WithSummary("De antwoorden van deze gemeente op de Weerbaarheidsscan, per ronde (nieuwste ronde eerst).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static string StatusCode(ResponseStatus status) => status == ResponseStatus.Submitted ? "submitted" : "in-progress";

    /// <summary>
    /// The gemeente's responses, newest round first. Reads through the tenant query filter of <see cref="ScanResponse"/>
    /// (never IgnoreQueryFilters) and narrows to the gemeente of the route as well: both must allow a row.
    /// </summary>
    public static async Task<List<OwnResponse>> ListAsync(AppDbContext db, string gemeentecode, CancellationToken ct)
    {
        var code = gemeentecode.ToUpperInvariant();
        var rows = await (from response in db.ScanResponses.AsNoTracking()
                          where response.GemeenteCode == code
                          join round in db.ScanRounds.AsNoTracking() on response.RoundId equals round.Id
                          select new
                          {
                              round.Id,
                              round.Name,
                              round.InstrumentId,
                              round.OpensOn,
                              round.CreatedAt,
                              response.Status,
                              response.SubmittedAt,
                              response.Answers,
                              response.Position,
                          })
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order by DateTimeOffset.
        return rows.OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ThenBy(r => r.Position)
            .Select(r => new OwnResponse(r.Id, r.Name, r.InstrumentId, StatusCode(r.Status), r.SubmittedAt, r.Answers))
            .ToList();
    }
}
