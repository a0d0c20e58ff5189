using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.SelfReliance;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.SelfReliance;

/// <summary>Builds a gemeente's estimate from the CBS buurten, its register of vulnerable locations and its assumptions.</summary>
public sealed class SelfRelianceEstimator(AppDbContext db, ReferenceData reference, TenantScopeAccessor scopes, SelfRelianceStore store)
{
    public async Task<GemeenteSelfReliance?> ForGemeenteAsync(string gemeenteCode, CancellationToken ct)
    {
        var gemeente = reference.Gemeente(gemeenteCode.ToUpperInvariant());
        if (gemeente is null)
        {
            return null;
        }
        // The query filter already hides the register from anyone outside the gemeente and its region.
        var register = await db.VulnerableLocations.AsNoTracking().Where(l => l.GemeenteCode == gemeente.Code).ToListAsync(ct);
        return await ForGemeenteAsync(gemeente, register, ct);
    }

    /// <param name="register">The gemeente's vulnerable locations as the reader may see them (none for national roles).</param>
    public async Task<GemeenteSelfReliance> ForGemeenteAsync(GemeenteInfo gemeente, IReadOnlyList<VulnerableLocation> register, CancellationToken ct)
    {
        var buurten = await db.Buurten.AsNoTracking().Where(b => b.GemeenteCode == gemeente.Code).OrderBy(b => b.Name)
            .Select(b => new { b.Code, b.Name, b.Residents, b.Age65Plus }).ToListAsync(ct);
        var stored = await store.FindAsync(gemeente.Code, ct);
        var assumptions = SelfRelianceAssumptionCatalog.Resolve(stored?.Values);
        var model = SelfRelianceAssumptionCatalog.ToModel(assumptions);

        // Without age figures (CBS secrecy) only the register can count in a buurt.
        var areas = buurten.Select(b => b.Residents is { } r && b.Age65Plus is { } o ? new SelfRelianceArea(b.Code, r, o) : new SelfRelianceArea(b.Code, 0, 0)).ToList();
        var entries = register.Select(l => (Location: l, Category: LocationCategories.Find(l.Category)))
            .Select(x => new SelfRelianceRegisterEntry(x.Location.BuurtCode, x.Location.People, x.Category?.Aggregated == true,
                x.Category?.Residential == true, x.Location.HoursWithoutPower, x.Location.HoursWithoutWater)).ToList();
        var result = SelfRelianceModel.Estimate(areas, entries, model);

        var rows = buurten.Select((b, i) => new BuurtSelfReliance(b.Code, b.Name, b.Residents, b.Age65Plus, result.Areas[i],
            SelfRelianceSentences.ForBuurt(b.Name, b.Residents, b.Age65Plus is not null, result.Areas[i]))).ToList();
        var withoutBuurt = Math.Max(0, gemeente.Residents - buurten.Sum(b => b.Residents ?? 0));
        var registerVisible = scopes.Current.CanReadLocal(gemeente.Code);
        return new GemeenteSelfReliance(gemeente.Code, gemeente.Name, gemeente.Residents, assumptions, stored?.Version ?? 0,
            stored?.UpdatedBy, stored?.UpdatedAt, rows, result.Unplaced, result.Total, registerVisible, withoutBuurt,
            SelfRelianceSentences.ForGemeente(gemeente.Name, gemeente.Residents, result, registerVisible, withoutBuurt));
    }
}
