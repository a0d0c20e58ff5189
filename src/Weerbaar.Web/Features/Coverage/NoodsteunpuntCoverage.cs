using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Coverage;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Coverage;

/// <summary>
/// Coverage of residents by noodsteunpunten, read from the register, the buurt locations, the 72-hour estimate and the
/// vulnerability index through their own services.
/// </summary>
public sealed class NoodsteunpuntCoverage(
    AppDbContext db, ReferenceData reference, NoodsteunpuntRegister register, BuurtLocations locations,
    SelfRelianceEstimator selfReliance, VulnerabilityIndex index, CoverageSettingsStore settings, TenantScopeAccessor scopes)
{
    public async Task<GemeenteCoverage?> ForGemeenteAsync(string gemeenteCode, CancellationToken ct)
    {
        if (reference.Gemeente(gemeenteCode.ToUpperInvariant()) is not { } gemeente)
        {
            return null;
        }
        var points = await register.ListAsync(gemeente.Code, ct);
        var located = await locations.ForGemeenteAsync(gemeente.Code, ct);
        var estimate = (await selfReliance.ForGemeenteAsync(gemeente.Code, ct))!;
        var classes = (await index.ForGemeenteAsync(gemeente.Code, ct))?.Buurten.ToDictionary(b => b.Code, b => b.Class) ?? [];
        var stored = await settings.FindAsync(gemeente.Code, ct);
        var norms = CoverageNormCatalog.Norms(stored);

        var areas = estimate.Buurten.Select(b =>
        {
            var at = located.GetValueOrDefault(b.Code);
            return new CoverageArea(b.Code, b.Residents ?? 0, at?.Latitude, at?.Longitude, b.Estimate.Total, classes.GetValueOrDefault(b.Code) == 4);
        }).ToList();
        var result = CoverageModel.Compute(gemeente.Residents, areas, points.Select(ToPoint).ToList(), norms);
        var buurten = estimate.Buurten.Select((b, i) => new CoverageBuurt(b.Code, b.Name, b.Residents ?? 0, located.GetValueOrDefault(b.Code),
            classes.GetValueOrDefault(b.Code), b.Estimate.Total, result.Areas[i], result.Areas[i].NearestPoint is { } p ? points[p].Name : null)).ToList();
        return new GemeenteCoverage(gemeente, CoverageNormCatalog.Describe(stored), stored?.Version ?? 0, result, buurten, points, estimate.ResidentsWithoutBuurt);
    }

    /// <summary>Planned against needed for every gemeente the reader may see (all for national roles, its region for a regio user).</summary>
    public async Task<List<CoverageOverviewRow>> OverviewAsync(string? veiligheidsregio, CancellationToken ct)
    {
        var scope = scopes.Current;
        var gemeenten = reference.Gemeenten.Where(g => scope.CanRead(g.Code))
            .Where(g => string.IsNullOrEmpty(veiligheidsregio) || string.Equals(g.VeiligheidsregioCode, veiligheidsregio, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var codes = gemeenten.Select(g => g.Code).ToList();
        // The query filter narrows the register and the norms to what the reader may see.
        var points = (await db.Noodsteunpunten.AsNoTracking().Where(n => codes.Contains(n.GemeenteCode)).ToListAsync(ct)).ToLookup(n => n.GemeenteCode);
        var norms = await db.CoverageSettings.AsNoTracking().Where(s => codes.Contains(s.GemeenteCode)).ToDictionaryAsync(s => s.GemeenteCode, ct);
        var buurten = (await db.Buurten.AsNoTracking().Where(b => codes.Contains(b.GemeenteCode))
            .Select(b => new { b.Code, b.GemeenteCode, b.Residents }).ToListAsync(ct)).ToLookup(b => b.GemeenteCode);
        var located = await locations.AllAsync(ct);
        return gemeenten.Select(g =>
        {
            var own = points[g.Code].ToList();
            var areas = buurten[g.Code].Select(b => located.GetValueOrDefault(b.Code) is { } at
                ? new CoverageArea(b.Code, b.Residents ?? 0, at.Latitude, at.Longitude, 0, false)
                : new CoverageArea(b.Code, b.Residents ?? 0, null, null, 0, false)).ToList();
            var r = CoverageModel.Compute(g.Residents, areas, own.Select(ToPoint).ToList(), CoverageNormCatalog.Norms(norms.GetValueOrDefault(g.Code)));
            return new CoverageOverviewRow(g.Code, g.Name, g.VeiligheidsregioCode, g.VeiligheidsregioName, g.Residents,
                r.Points, r.PointsNeeded, r.PointsMissing, r.ShareCovered, r.ResidentsWithoutLocation, norms.ContainsKey(g.Code));
        }).ToList();
    }

    private static CoveragePoint ToPoint(Noodsteunpunt n) => new(n.Id.ToString(), n.Latitude, n.Longitude);
}
