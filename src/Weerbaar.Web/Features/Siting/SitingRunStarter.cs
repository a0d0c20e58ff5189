using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Coverage;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Coverage;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Jobs;

namespace Weerbaar.Web.Features.Siting;

/// <summary>The outcome of starting a run: the queued job, or why it could not start (by form field).</summary>
public sealed record SitingStart(BackgroundJob? Job, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Checks a request, takes the picture the run computes on (buurten, existing noodsteunpunten, candidates and norms,
/// read with the user's rights) and queues the job.
/// </summary>
public sealed class SitingRunStarter(
    NoodsteunpuntCoverage coverage, SitingCandidateRegister candidates, JobQueue queue, AppDbContext db, BuurtLocations locations, ReferenceData reference)
{
    /// <summary>The code and name a national run carries in its input (the job itself has no gemeente).</summary>
    public const string NationalCode = "NL", NationalName = "Nederland";

    /// <summary>
    /// A run over the whole country for the national roles: every buurt with a location, every noodsteunpunt, the default
    /// norms; without the vulnerability weighting (the 72-hour estimate is per gemeente and partly local-only).
    /// </summary>
    public async Task<SitingStart> StartNationalAsync(SitingRunRequest request, string user, CancellationToken ct)
    {
        var errors = request.Validate();
        if (request.WeightByVulnerability)
        {
            errors.Add(new("kwetsbaar", "Een landelijke berekening weegt alleen inwoners; de weging van kwetsbare inwoners kan per gemeente."));
        }
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        var located = await locations.AllAsync(ct);
        var areas = (await db.Buurten.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Code, b.Name, b.Residents }).ToListAsync(ct))
            .Select(b => located.GetValueOrDefault(b.Code) is { } at
                ? new SitingArea(b.Code, b.Name, b.Residents ?? 0, at.Latitude, at.Longitude, 0, false)
                : new SitingArea(b.Code, b.Name, b.Residents ?? 0, null, null, 0, false))
            .ToList();
        // The query filter shows a national role every gemeente's noodsteunpunten and candidates.
        var existing = (await db.Noodsteunpunten.AsNoTracking().OrderBy(n => n.GemeenteCode).ThenBy(n => n.Name).ToListAsync(ct))
            .Select(Existing).ToList();
        List<SitingCandidateSite> sites = request.CandidateSource == SitingCandidateSources.BuurtPoints
            ? BuurtPointSites(areas)
            : (await db.SitingCandidates.AsNoTracking().OrderBy(c => c.GemeenteCode).ThenBy(c => c.Name).ToListAsync(ct))
                .Select(OwnSite).ToList();
        if (sites.Count == 0)
        {
            errors.Add(new("kandidaten", "Er zijn nog geen kandidaatlocaties van gemeenten; kies ‘elk buurtpunt’ als kandidaat."));
        }
        CheckNewSites(request, sites.Count, errors);
        return errors.Count > 0
            ? new(null, errors)
            : await EnqueueAsync(new SitingJobInput(NationalCode, NationalName, reference.Gemeenten.Sum(g => g.Residents), request, CoverageNorms.Default, areas, existing, sites), null, user, ct);
    }

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
        var existing = c.Points.Select(Existing).ToList();
        List<SitingCandidateSite> sites = request.CandidateSource == SitingCandidateSources.BuurtPoints
            ? BuurtPointSites(areas)
            : (await candidates.ListAsync(c.Gemeente.Code, ct)).Select(OwnSite).ToList();

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
        CheckNewSites(request, sites.Count, errors);
        return errors.Count > 0
            ? new(null, errors)
            : await EnqueueAsync(new SitingJobInput(c.Gemeente.Code, c.Gemeente.Name, c.Gemeente.Residents, request, c.Result.Norms, areas, existing, sites), c.Gemeente.Code, user, ct);
    }

    private async Task<SitingStart> EnqueueAsync(SitingJobInput input, string? gemeenteCode, string user, CancellationToken ct)
        => new(await queue.EnqueueAsync(SitingJobInput.Kind, gemeenteCode, JsonSerializer.Serialize(input, JsonSerializerOptions.Web), user, ct), []);

    /// <summary>k may not exceed the candidates (set covering chooses its own number); no candidates is reported on its own.</summary>
    private static void CheckNewSites(SitingRunRequest request, int candidates, List<FieldError> errors)
    {
        if (candidates > 0 && request.SitingModel!.Objective != Analysis.Siting.SitingObjective.SetCovering && request.NewSites > candidates)
        {
            errors.Add(new("aantal", $"Er zijn {candidates} kandidaatlocaties; kies hoogstens {candidates} nieuwe noodsteunpunten."));
        }
    }

    private static List<SitingCandidateSite> BuurtPointSites(IEnumerable<SitingArea> areas) => areas.Where(a => a.Latitude is not null)
        .Select(a => new SitingCandidateSite(null, a.Code, $"Nieuw noodsteunpunt {a.Name}", a.Latitude!.Value, a.Longitude!.Value, null, SitingCandidateSite.GemeenteOf(a.Code)))
        .ToList();

    private static SitingCandidateSite OwnSite(SitingCandidate k) => new(k.Id, null, k.Name, k.Latitude, k.Longitude, k.Capacity, k.GemeenteCode);

    private static SitingExisting Existing(Locations.Noodsteunpunt p) => new(p.Id, p.Name, p.Status, p.Latitude, p.Longitude);
}
