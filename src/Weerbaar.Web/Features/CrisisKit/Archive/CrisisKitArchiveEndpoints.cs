using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.CrisisKit.Archive;

public static class CrisisKitArchiveEndpoints
{
    public const string ZipContentType = "application/zip";

    public static IServiceCollection AddCrisisKitArchives(this IServiceCollection services)
        => services.AddScoped<CrisisKitArchiveStarter>().AddScoped<CrisisKitArchiveStore>().AddJobHandler<CrisisKitArchiveJobHandler>();

    public static IEndpointRouteBuilder MapCrisisKitArchiveEndpoints(this IEndpointRouteBuilder app)
    {
        // A lezer may download every pack of their edition one by one, so they may also have them made as one ZIP.
        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}/crisis-kit/archives")
            .WithTags("Crisiskit").RequireAuthorization(Policies.GemeenteLezen);

        api.MapPost("", async Task<Results<Accepted<JobDto>, ProblemHttpResult>> (
                string gemeentecode, CrisisKitArchiveStarter starter, HttpContext http, CancellationToken ct) =>
                await starter.StartAsync(gemeentecode, http.User.NameOrUnknown(), ct) is { } job
                    ? TypedResults.Accepted($"{ApiConventions.BasePath}/jobs/{job.Id}", JobDto.Of(job))
                    : GemeentenEndpoints.GemeenteNotFound(gemeentecode))
            .WithName("StartCrisisKitArchive")
            .WithSummary("Start een achtergrondtaak die alle packs van de noodsteunpunten (PDF, offline HTML en JSON) in één ZIP-bestand zet, in de uitgave die u mag lezen. Volg de taak via de link in Location.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:guid}/crisiskit.zip", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string gemeentecode, Guid id, CrisisKitArchiveStore store, NoodsteunpuntPackBuilder builder, CancellationToken ct) =>
                await store.FindAsync(gemeentecode, id, builder.WithRegister(gemeentecode), ct) is { } archive
                    ? TypedResults.File(archive.Bytes, ZipContentType, archive.FileName)
                    : ApiConventions.Problem(StatusCodes.Status404NotFound,
                        $"Er is (nog) geen ZIP-bestand van taak {id} voor u: de taak is niet klaar, bestaat niet, is van een andere uitgave of het bestand is vervangen door een nieuwer."))
            .WithName("GetCrisisKitArchive")
            .WithSummary("Het ZIP-bestand met alle packs dat een achtergrondtaak heeft gemaakt (404 zolang de taak niet klaar is).")
            .Produces<Stream>(StatusCodes.Status200OK, ZipContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

}
