using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Jobs;
using Weerbaar.Web.Features.Locations;

namespace Weerbaar.Web.Features.Siting;

/// <summary>Saving a result as a named scenario, listing them, and adopting one into the noodsteunpunten register.</summary>
public sealed class SitingScenarios(AppDbContext db, JobQueue jobs, TimeProvider clock)
{
    /// <summary>One line on what a siting job computes, from its input ("locatiekeuze" when that cannot be read).</summary>
    public static string Describe(BackgroundJob job)
    {
        try
        {
            return JsonSerializer.Deserialize<SitingJobInput>(job.InputJson, JsonSerializerOptions.Web)?.Request is { SitingModel: not null } request
                ? request.Describe()
                : "locatiekeuze";
        }
        catch (JsonException)
        {
            return "locatiekeuze";
        }
    }

    public static SitingRunResult? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<SitingRunResult>(json, JsonSerializerOptions.Web);

    /// <summary>A finished siting job of this gemeente, with its result; null when there is none (or the user may not see it).</summary>
    public async Task<(BackgroundJob Job, SitingRunResult? Result)?> RunAsync(string gemeente, Guid jobId, CancellationToken ct)
    {
        var job = await jobs.GetAsync(jobId, ct);
        return job is null || job.Kind != SitingJobInput.Kind || job.GemeenteCode != gemeente ? null : (job, job.Status == JobStatus.Done ? Read(job.ResultJson) : null);
    }

    public Task<List<BackgroundJob>> RecentRunsAsync(string gemeente, CancellationToken ct) => jobs.ListAsync(SitingJobInput.Kind, gemeente, 10, ct);

    /// <summary>A national siting job with its result when done; null when there is none. The caller checks the role.</summary>
    public async Task<(BackgroundJob Job, SitingRunResult? Result)?> NationalRunAsync(Guid jobId, CancellationToken ct)
    {
        var job = await jobs.GetAsync(jobId, ct);
        return job is null || job.Kind != SitingJobInput.Kind || job.GemeenteCode is not null ? null : (job, job.Status == JobStatus.Done ? Read(job.ResultJson) : null);
    }

    public Task<List<BackgroundJob>> RecentNationalRunsAsync(CancellationToken ct) => jobs.ListAsync(SitingJobInput.Kind, null, 10, ct);

    public Task<List<SitingScenario>> ListAsync(string gemeente, CancellationToken ct)
        => db.SitingScenarios.AsNoTracking().Where(s => s.GemeenteCode == gemeente).OrderByDescending(s => s.CreatedAt).ToListAsync(ct);

    public Task<SitingScenario?> FindAsync(string gemeente, Guid id, CancellationToken ct)
        => db.SitingScenarios.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == gemeente && s.Id == id, ct);

    /// <summary>Saves the result of a finished run under <paramref name="name"/>; the errors say why not.</summary>
    public async Task<(SitingScenario? Scenario, IReadOnlyList<FieldError> Errors)> SaveAsync(string gemeente, Guid jobId, string? name, string user, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > SitingScenario.MaxName || trimmed.Any(char.IsControl))
        {
            return (null, [new("naam", $"Geef het scenario een naam van 1 tot {SitingScenario.MaxName} tekens (op één regel).")]);
        }
        if (await RunAsync(gemeente, jobId, ct) is not { Result: { } result, Job: var job })
        {
            return (null, [new("", "Deze berekening is er niet (meer) of nog niet klaar.")]);
        }
        if (!result.HasAnswer)
        {
            return (null, [new("", "Deze berekening heeft geen oplossing om op te slaan.")]);
        }
        var scenario = new SitingScenario
        {
            GemeenteCode = gemeente,
            Name = trimmed,
            JobId = jobId,
            ResultJson = job.ResultJson!,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user,
        };
        db.SitingScenarios.Add(scenario);
        await db.SaveChangesAsync(ct);
        return (scenario, []);
    }

    /// <summary>
    /// Adds the scenario's new sites (the optimum) to the register as gepland, once: in one transaction with marking
    /// the scenario adopted, so a second click or a race adds nothing. Null when the scenario does not exist here.
    /// </summary>
    public async Task<(int Added, string? Refusal)?> AdoptAsync(string gemeente, Guid id, string user, CancellationToken ct)
    {
        if (await FindAsync(gemeente, id, ct) is not { } scenario)
        {
            return null;
        }
        if (scenario.AdoptedAt is not null)
        {
            return (0, $"Dit scenario is al overgenomen op {Shared.Format.Moment(scenario.AdoptedAt.Value, "d MMMM yyyy")} door {scenario.AdoptedBy}.");
        }
        var sites = Read(scenario.ResultJson)!.NewOptimal.ToList();
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.SitingScenarios.Where(s => s.Id == id && s.GemeenteCode == gemeente && s.AdoptedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AdoptedAt, now).SetProperty(x => x.AdoptedBy, user).SetProperty(x => x.AdoptedPoints, sites.Count), ct);
            if (claimed == 0)
            {
                return (0, "Dit scenario is zojuist al overgenomen.");
            }
            foreach (var site in sites)
            {
                var point = new Noodsteunpunt { GemeenteCode = gemeente, Name = site.Name, UpdatedBy = user, UpdatedAt = now };
                var values = NoodsteunpuntValues.Planned(site.Name, site.Latitude, site.Longitude, site.BuurtCode)
                    with
                { Notes = $"Voorgesteld door de locatiekeuze, scenario ‘{scenario.Name}’." };
                values.ApplyTo(point);
                db.Noodsteunpunten.Add(point);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ((int Added, string? Refusal)?)(sites.Count, null);
        });
    }
}
