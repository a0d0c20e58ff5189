using System.Text.Json;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.Jobs;

namespace Weerbaar.Web.Features.Siting;

/// <summary>The outcome of starting a run: the queued job, or why it could not start (by form field).</summary>
public sealed record SitingStart(BackgroundJob? Job, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Checks a request, takes the picture the run computes on (buurten, existing noodsteunpunten, candidates and norms,
/// read with the user's rights) and queues the job.
/// </summary>
public sealed class SitingRunStarter(NoodsteunpuntCoverage coverage, SitingCandidateRegister candidates, JobQueue queue)
{
    public async Task<SitingStart?> StartAsync(string gemeentecode, SitingRunRequest request, string user, CancellationToken ct)
    {
        if (await coverage.ForGemeenteAsync(gemeentecode, ct) is not { } c)
        {
            return null;
        }
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        var areas = c.Buurten.Select(b => new SitingArea(b.Code, b.Name, b.Residents, b.Location?.Latitude, b.Location?.Longitude,
            b.NotSelfReliant, b.VulnerabilityClass == 4)).ToList();
        var existing = c.Points.Select(p => new SitingExisting(p.Id, p.Name, p.Status, p.Latitude, p.Longitude)).ToList();
        List<SitingCandidateSite> sites = request.CandidateSource == SitingCandidateSources.BuurtPoints
            ? areas.Where(a => a.Latitude is not null).Select(a => new SitingCandidateSite(null, a.Code, $"Nieuw noodsteunpunt {a.Name}", a.Latitude!.Value, a.Longitude!.Value, null)).ToList()
            : (await candidates.ListAsync(c.Gemeente.Code, ct)).Select(k => new SitingCandidateSite(k.Id, null, k.Name, k.Latitude, k.Longitude, k.Capacity)).ToList();

        if (sites.Count == 0)
        {
            errors.Add(new("kandidaten", request.CandidateSource == SitingCandidateSources.BuurtPoints
                ? $"Geen enkele buurt van {c.Gemeente.Name} heeft een locatie; er is niets om uit te kiezen."
                : "Er zijn nog geen kandidaatlocaties. Voeg ze toe of importeer ze, of kies ‘elk buurtpunt’ als kandidaat."));
        }
        if (!areas.Any(a => a.Latitude is not null && a.Residents > 0))
        {
            errors.Add(new("model", $"Geen enkele buurt van {c.Gemeente.Name} met inwoners heeft een locatie; er valt niets te berekenen."));
        }
        if (sites.Count > 0 && request.SitingModel!.Objective != Analysis.Siting.SitingObjective.SetCovering && request.NewSites > sites.Count)
        {
            errors.Add(new("aantal", $"Er zijn {sites.Count} kandidaatlocaties; kies hoogstens {sites.Count} nieuwe noodsteunpunten."));
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        var input = new SitingJobInput(c.Gemeente.Code, c.Gemeente.Name, c.Gemeente.Residents, request, c.Result.Norms, areas, existing, sites);
        var job = await queue.EnqueueAsync(SitingJobInput.Kind, c.Gemeente.Code, JsonSerializer.Serialize(input, JsonSerializerOptions.Web), user, ct);
        return new(job, []);
    }
}
