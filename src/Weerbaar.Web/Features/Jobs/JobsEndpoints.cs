using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Weerbaar.Web.Shared.Api;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Jobs;

public sealed record JobDto(
    Guid Id, string Kind, string? Gemeentecode, string Status, double Progress, string? ProgressText, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static JobDto Of(BackgroundJob j) => new(
        j.Id, j.Kind, j.GemeenteCode, j.Status, j.Progress, j.ProgressText, j.Error, j.CreatedAt, j.StartedAt, j.FinishedAt);
}

public static class JobsSetup
{
    /// <summary>The queue, the wake-up signal and this node's worker (settings under <c>Weerbaar:Jobs</c>).</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<JobOptions>(config.GetSection(JobOptions.Section));
        services.AddSingleton<JobSignal>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        return services;
    }

    /// <summary>Registers the handler of one job kind (scoped: resolved from each run's own scope).</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services) where THandler : class, IJobHandler
        => services.AddScoped<IJobHandler, THandler>();

    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(ApiConventions.BasePath + "/jobs").WithTags("Taken");

        api.MapGet("/{id:guid}", async Task<Results<Ok<JobDto>, ProblemHttpResult>> (Guid id, JobQueue queue, TenantScopeAccessor tenants, CancellationToken ct) =>
            await queue.GetAsync(id, ct) is { } job && JobAccess.CanRead(tenants.Current, job) ? TypedResults.Ok(JobDto.Of(job)) : NotFound(id))
            .WithName("GetJob")
            .WithSummary("De stand van een achtergrondtaak (status queued, running, done, failed of cancelled; voortgang 0–1).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:guid}/cancel", async Task<Results<Accepted<JobDto>, ProblemHttpResult>> (
            Guid id, JobQueue queue, TenantScopeAccessor tenants, HttpContext http, CancellationToken ct) =>
        {
            if (await queue.GetAsync(id, ct) is not { } job || !JobAccess.CanRead(tenants.Current, job))
            {
                return NotFound(id);
            }
            if (!JobAccess.CanCancel(tenants.Current, http.User, job))
            {
                return ApiConventions.Problem(StatusCodes.Status403Forbidden, "U mag deze taak niet afbreken.");
            }
            if (!await queue.RequestCancelAsync(id, ct))
            {
                return ApiConventions.Problem(StatusCodes.Status409Conflict, "De taak is al klaar en kan niet meer worden afgebroken.");
            }
            var now = await queue.GetAsync(id, ct);
            return TypedResults.Accepted($"{ApiConventions.BasePath}/jobs/{id}", JobDto.Of(now ?? job));
        })
            .RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', JobAccess.CancellingRoles) })
            .WithName("CancelJob")
            .WithSummary("Breek een taak af: een taak in de wachtrij meteen, een lopende taak binnen enkele seconden.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static ProblemHttpResult NotFound(Guid id)
        => ApiConventions.Problem(StatusCodes.Status404NotFound, $"Taak {id} bestaat niet of u mag haar niet zien.");
}
