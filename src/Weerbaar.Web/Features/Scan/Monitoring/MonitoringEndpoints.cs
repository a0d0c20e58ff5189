using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Scan.Monitoring;

public sealed record MonitoringSummary(Guid RoundId, int Population, int Invited, int Submitted, int InProgress, int NotStarted, double ResponseRate,
    int ResponsesSubmitted, int ResponsesInProgress, int ResponsesFullyAnswered, int ResponsesWithGaps);

public sealed record ResponseRates(string By, IReadOnlyList<GroupResponse> Groups);

/// <summary>
/// Fieldwork monitoring for the research team: JSON by default, the same figures as CSV under a path ending in .csv
/// (a plain link for the page and for spreadsheets).
/// </summary>
public static class MonitoringEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ApiConventions.BasePath + "/rounds/{id:guid}/monitoring").WithTags("Weerbaarheidsscan").RequireAuthorization(Policies.Onderzoek);

        group.MapGet("", async Task<Results<Ok<MonitoringSummary>, ProblemHttpResult>> (Guid id, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, CancellationToken ct) =>
            await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data ? TypedResults.Ok(Summary(data)) : RoundsEndpoints.RoundNotFound(id))
            .WithName("GetMonitoring").WithSummary("Respons van een ronde: populatie, uitgenodigd, verstuurd (compleet) en bezig (gedeeltelijk), in gemeenten en in responsen.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/response-rates", async Task<Results<Ok<ResponseRates>, ProblemHttpResult>> (
            Guid id, string? by, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, CancellationToken ct) =>
        {
            var dimension = by ?? ResponseMonitor.Dimensions[0];
            if (!ResponseMonitor.Dimensions.Contains(dimension))
            {
                return UnknownDimension(dimension);
            }
            return await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data
                ? TypedResults.Ok(new ResponseRates(dimension, data.By(dimension)))
                : RoundsEndpoints.RoundNotFound(id);
        })
        .WithName("GetResponseRates").WithSummary("Respons per provincie, veiligheidsregio, grootteklasse of stedelijkheid (by); rate is een fractie van de populatie.")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/response-rates.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            Guid id, string? by, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, CancellationToken ct) =>
        {
            var dimension = by ?? ResponseMonitor.Dimensions[0];
            if (!ResponseMonitor.Dimensions.Contains(dimension))
            {
                return UnknownDimension(dimension);
            }
            return await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data
                ? Csv(MonitorCsv.ResponseRates(dimension, data.By(dimension)), $"respons-per-{dimension}", id)
                : RoundsEndpoints.RoundNotFound(id);
        })
        .WithName("ExportResponseRates").WithSummary("Respons per groep als CSV (UTF-8 met BOM, komma's).")
        .Produces<string>(StatusCodes.Status200OK, "text/csv")
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        MapPair(group, "/non-responders", "NonResponders", "Gemeenten in de populatie die (nog) niet hebben verstuurd",
            data => data.NonResponders(), MonitorCsv.NonResponders, "nog-niet-verstuurd");
        MapPair(group, "/item-nonresponse", "ItemNonresponse",
            "Item-nonrespons per antwoordkolom onder verstuurde responsen: van toepassing (voorwaarden tellen mee), leeg en weet niet",
            data => data.ItemNonresponse(), MonitorCsv.ItemNonresponse, "item-nonrespons");
        group.MapGet("/timeline", async Task<Results<Ok<IReadOnlyList<TimelineDay>>, ProblemHttpResult>> (
            Guid id, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, TimeProvider clock, CancellationToken ct) =>
            await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data ? TypedResults.Ok(data.Timeline(clock.GetUtcNow())) : RoundsEndpoints.RoundNotFound(id))
            .WithName("GetTimeline").WithSummary("Respons in de tijd: per dag (Nederlandse tijd) van opening tot sluiting of vandaag, begonnen en verstuurd, met lopende totalen.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/timeline.csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            Guid id, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, TimeProvider clock, CancellationToken ct) =>
            await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data
                ? Csv(MonitorCsv.Timeline(data.Timeline(clock.GetUtcNow())), "respons-in-de-tijd", id)
                : RoundsEndpoints.RoundNotFound(id))
            .WithName("ExportTimeline").WithSummary("Respons in de tijd als CSV (UTF-8 met BOM, komma's).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static MonitoringSummary Summary(RoundMonitorData data)
    {
        var completeness = data.Completeness();
        var population = data.Population.Count;
        return new MonitoringSummary(data.Round.Id, population, data.Invited.Count, data.SubmittedGemeenten, data.InProgressGemeenten,
            population - data.SubmittedGemeenten - data.InProgressGemeenten, population == 0 ? 0 : data.SubmittedGemeenten / (double)population,
            completeness.Submitted, completeness.InProgress, completeness.SubmittedFullyAnswered, completeness.SubmittedWithGaps);
    }

    /// <summary>The page links here: one path per export.</summary>
    public static string Path(Guid roundId, string export) => $"{ApiConventions.BasePath}/rounds/{roundId}/monitoring/{export}";

    private static void MapPair<T>(RouteGroupBuilder group, string path, string name, string summary,
        Func<RoundMonitorData, IReadOnlyList<T>> rows, Func<IReadOnlyList<T>, byte[]> csv, string fileName)
    {
        group.MapGet(path, async Task<Results<Ok<IReadOnlyList<T>>, ProblemHttpResult>> (
            Guid id, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, CancellationToken ct) =>
            await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data ? TypedResults.Ok(rows(data)) : RoundsEndpoints.RoundNotFound(id))
            .WithName("Get" + name).WithSummary(summary + ".")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(path + ".csv", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            Guid id, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, CancellationToken ct) =>
            await RoundMonitorData.LoadAsync(id, db, reference, instruments, ct) is { } data ? Csv(csv(rows(data)), fileName, id) : RoundsEndpoints.RoundNotFound(id))
            .WithName("Export" + name).WithSummary(summary + ", als CSV (UTF-8 met BOM, komma's).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static FileContentHttpResult Csv(byte[] bytes, string name, Guid roundId)
        => TypedResults.File(bytes, "text/csv; charset=utf-8", $"{name}-{roundId:N}.csv");

    private static ProblemHttpResult UnknownDimension(string by) => TypedResults.Problem(ApiConventions.ValidationProblem(
        $"Onbekende indeling '{by}'; kies uit {string.Join(", ", ResponseMonitor.Dimensions)}.",
        new Dictionary<string, object?> { ["errors"] = new[] { new { field = "by", message = "Onbekende indeling." } } }));
}
