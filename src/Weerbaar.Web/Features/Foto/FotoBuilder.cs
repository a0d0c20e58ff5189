using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Features.Vulnerability;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Foto;

/// <summary>Gathers the foto of one gemeente from the index, the estimate, the registers and the scan position.</summary>
public sealed class FotoBuilder(
    AppDbContext db, ReferenceData reference, VulnerabilityIndex index, SelfRelianceEstimator selfReliance,
    ScanPositionService positions, BuurtLocations buurtLocations, TenantScopeAccessor scopes, TimeProvider clock)
{
    /// <summary>Every table the foto is built from (a test checks this against the statements it runs).</summary>
    public static readonly Type[] Tables =
    [
        typeof(Gemeente), typeof(Buurt), typeof(BuurtPoint), typeof(BuurtGeometry), typeof(VulnerableLocation), typeof(Noodsteunpunt),
        typeof(SelfRelianceAssumptions), typeof(VulnerabilityIndicatorSet), typeof(Scan.Rounds.ScanRound), typeof(Scan.Responses.ScanResponse),
    ];

    public async Task<FotoData?> BuildAsync(string gemeenteCode, CancellationToken ct)
    {
        var gemeente = reference.Gemeente(gemeenteCode.ToUpperInvariant());
        if (gemeente is null)
        {
            return null;
        }
        // The query filter returns no locations to national roles; null tells the page to say why rather than "none".
        var locations = scopes.Current.CanReadLocal(gemeente.Code)
            ? await db.VulnerableLocations.AsNoTracking().Where(l => l.GemeenteCode == gemeente.Code).OrderBy(l => l.Category).ThenBy(l => l.Name).ToListAsync(ct)
            : null;
        var estimate = await selfReliance.ForGemeenteAsync(gemeente, locations ?? [], ct);
        var vulnerability = await index.ForGemeenteAsync(gemeente.Code, ct);
        var outline = await GemeentenQueries.OutlineAsync(db, gemeente.Code, ct);
        var noodsteunpunten = await db.Noodsteunpunten.AsNoTracking().Where(n => n.GemeenteCode == gemeente.Code).OrderBy(n => n.Name).ToListAsync(ct);
        var geometries = await db.BuurtGeometries.AsNoTracking()
            .Where(g => db.Buurten.Any(b => b.Code == g.BuurtCode && b.GemeenteCode == gemeente.Code)).ToDictionaryAsync(g => g.BuurtCode, ct);
        var position = await positions.ComputeAsync(gemeente.Code, null, ct);
        var points = await buurtLocations.ForGemeenteAsync(gemeente.Code, ct);
        return new FotoData(gemeente, outline, vulnerability, estimate, locations, noodsteunpunten, position, geometries, points,
            Format.DayInAmsterdam(clock.GetUtcNow()));
    }
}
