using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Auth;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Siting;

public sealed record SitingRunDto(JobDto Job, SitingRunResult? Result);

public sealed record SitingScenarioRequest(Guid? JobId, string? Name);

public sealed record SitingScenarioDto(
    Guid Id, string Gemeentecode, string Name, Guid JobId, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? AdoptedAt, string? AdoptedBy, int AdoptedPoints, SitingRunResult Result)
{
    public static SitingScenarioDto Of(SitingScenario s) => new(s.Id, s.GemeenteCode, s.Name, s.JobId, s.CreatedAt, s.CreatedBy,
        s.AdoptedAt, s.AdoptedBy, s.AdoptedPoints, SitingScenarios.Read(s.ResultJson)!);
}

public sealed record SitingAdoptionDto(Guid ScenarioId, int Added);

public static class SitingEndpoints
{
    public static IServiceCollection AddSiting(this IServiceCollection services) => services
        .AddScoped<SitingCandidateRegister>()
        .AddScoped<SitingRunStarter>()
        .AddScoped<SitingScenarios>()
        .AddJobHandler<SitingJobHandler>();

    public static IEndpointRouteBuilder MapSiting(this IEndpointRouteBuilder app)
    {
        app.MapSitingCandidatesEndpoints();
        var national = app.MapGroup(ApiConventions.BasePath + "/siting-runs").WithTags("Noodsteunpunten").RequireAuthorization(Policies.Onderzoek);
        national.MapPost("", async Task<Results<Accepted<JobDto>, ProblemHttpResult>> (SitingRunRequest request, SitingRunStarter starter, HttpContext http, CancellationToken ct) =>
        {
            var started = await starter.StartNationalAsync(request, http.User.NameOrUnknown(), ct);
            return started.Job is { } job
                ? TypedResults.Accepted($"{ApiConventions.BasePath}/siting-runs/{job.Id}", JobDto.Of(job))
                : Invalid("De berekening is niet gestart.", started.Errors);
        })
            .WithName("StartNationalSitingRun")
            .WithSummary("Start een landelijke locatiekeuze (beheerder, onderzoeker): alle buurten met een locatie, alle noodsteunpunten, de standaardnormen; velden als bij een gemeente, zonder weightByVulnerability.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        national.MapGet("/{id:guid}", async Task<Results<Ok<SitingRunDto>, ProblemHttpResult>> (Guid id, SitingScenarios scenarios, CancellationToken ct) =>
            await scenarios.NationalRunAsync(id, ct) is { } run
                ? TypedResults.Ok(new SitingRunDto(JobDto.Of(run.Job), run.Result))
                : NotFound($"Er is geen landelijke locatiekeuze met id {id}."))
            .WithName("GetNationalSitingRun")
            .WithSummary("De stand en (als die klaar is) het resultaat van een landelijke locatiekeuze.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var api = app.MapGroup(ApiConventions.BasePath + "/gemeenten/{gemeentecode}").WithTags("Noodsteunpunten");

        api.MapPost("/siting-runs", async Task<Results<Accepted<JobDto>, ProblemHttpResult>> (
            string gemeentecode, SitingRunRequest request, SitingRunStarter starter, HttpContext http, CancellationToken ct) =>
        {
            var started = await starter.StartAsync(gemeentecode, request, http.User.NameOrUnknown(), ct);
            if (started is null)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            if (started.Job is not { } job)
            {
                return Invalid("De berekening is niet gestart.", started.Errors);
            }
            return TypedResults.Accepted($"{ApiConventions.BasePath}/gemeenten/{job.GemeenteCode}/siting-runs/{job.Id}", JobDto.Of(job));
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("StartSitingRun")
            .WithSummary("Start een locatiekeuze (achtergrondtaak): model maximale-dekking, p-mediaan of minimale-set; newSites (k, hoogstens), targetPercent (minimale-set), weightByVulnerability, useCapacity, timeLimitSeconds (1–300), candidates eigen of buurtpunten.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/siting-runs", async Task<Results<Ok<List<JobDto>>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, SitingScenarios scenarios, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await scenarios.RecentRunsAsync(g.Code, ct)).Select(JobDto.Of).ToList()))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListSitingRuns")
            .WithSummary("De laatste tien locatiekeuzes van de gemeente (achtergrondtaken).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/siting-runs/{id:guid}", async Task<Results<Ok<SitingRunDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, SitingScenarios scenarios, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await scenarios.RunAsync(g.Code, id, ct) is { } run
                ? TypedResults.Ok(new SitingRunDto(JobDto.Of(run.Job), run.Result))
                : NotFound($"Er is geen locatiekeuze met id {id} in deze gemeente.");
        })
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetSitingRun")
            .WithSummary("De stand van een locatiekeuze en, als die klaar is, het resultaat: status, doelwaarde, beste grens, gap en rekentijd van het optimum, de gulzige oplossing ernaast, en de dekking nu en erna.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/siting-scenarios", async Task<Results<Ok<List<SitingScenarioDto>>, ProblemHttpResult>> (
            string gemeentecode, ReferenceData reference, SitingScenarios scenarios, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : TypedResults.Ok((await scenarios.ListAsync(g.Code, ct)).Select(SitingScenarioDto.Of).ToList()))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("ListSitingScenarios")
            .WithSummary("De opgeslagen scenario's van de locatiekeuze, nieuwste eerst.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/siting-scenarios", async Task<Results<Created<SitingScenarioDto>, ProblemHttpResult>> (
            string gemeentecode, SitingScenarioRequest request, ReferenceData reference, SitingScenarios scenarios, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            var (scenario, errors) = await scenarios.SaveAsync(g.Code, request.JobId ?? Guid.Empty, request.Name, http.User.NameOrUnknown(), ct);
            return scenario is null
                ? Invalid("Het scenario is niet opgeslagen.", errors)
                : TypedResults.Created($"{ApiConventions.BasePath}/gemeenten/{g.Code}/siting-scenarios/{scenario.Id}", SitingScenarioDto.Of(scenario));
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("CreateSitingScenario")
            .WithSummary("Sla het resultaat van een afgeronde locatiekeuze (jobId) op als scenario met een naam.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/siting-scenarios/{id:guid}", async Task<Results<Ok<SitingScenarioDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, SitingScenarios scenarios, CancellationToken ct) =>
            reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g
                ? GemeentenEndpoints.GemeenteNotFound(gemeentecode)
                : await scenarios.FindAsync(g.Code, id, ct) is { } s ? TypedResults.Ok(SitingScenarioDto.Of(s)) : NotFound($"Er is geen scenario met id {id} in deze gemeente."))
            .RequireAuthorization(Policies.GemeenteLezen)
            .WithName("GetSitingScenario")
            .WithSummary("Eén scenario met zijn resultaat.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/siting-scenarios/{id:guid}/adoption", async Task<Results<Ok<SitingAdoptionDto>, ProblemHttpResult>> (
            string gemeentecode, Guid id, ReferenceData reference, SitingScenarios scenarios, HttpContext http, CancellationToken ct) =>
        {
            if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } g)
            {
                return GemeentenEndpoints.GemeenteNotFound(gemeentecode);
            }
            return await scenarios.AdoptAsync(g.Code, id, http.User.NameOrUnknown(), ct) switch
            {
                null => NotFound($"Er is geen scenario met id {id} in deze gemeente."),
                { Refusal: { } why } => ApiConventions.Problem(StatusCodes.Status409Conflict, why),
                { Added: var added } => TypedResults.Ok(new SitingAdoptionDto(id, added)),
            };
        })
            .RequireAuthorization(Policies.GemeenteBewerken)
            .WithName("AdoptSitingScenario")
            .WithSummary("Neem een scenario over: de nieuwe locaties van het optimum komen als ‘gepland’ in het register van noodsteunpunten (één keer).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static ProblemHttpResult NotFound(string detail)
        => ApiConventions.Problem(StatusCodes.Status404NotFound, detail);

    private static ProblemHttpResult Invalid(string detail, IEnumerable<FieldError> errors) => TypedResults.Problem(ApiConventions.ValidationProblem(detail,
        new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { field = SitingRunRequest.JsonNames.GetValueOrDefault(e.Field, e.Field), message = e.Message }).ToList() }));
}
