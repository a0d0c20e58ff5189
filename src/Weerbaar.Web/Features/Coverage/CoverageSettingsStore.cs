using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Coverage;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.SelfReliance;

namespace Weerbaar.Web.Features.Coverage;

/// <summary>Reads and saves a gemeente's coverage norms; a save with a stale version is refused and changes nothing.</summary>
public sealed class CoverageSettingsStore(AppDbContext db, TimeProvider clock)
{
    public Task<CoverageSettings?> FindAsync(string gemeenteCode, CancellationToken ct)
        => db.CoverageSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode, ct);

    /// <param name="version">The version the editor saw (0 when nothing was stored); null skips the check (API without version).</param>
    /// <param name="reset">Back to the defaults (the row is removed).</param>
    public async Task<AssumptionsOutcome> SaveAsync(string gemeenteCode, CoverageNormInput input, bool reset, int? version, string user, CancellationToken ct)
    {
        var row = await db.CoverageSettings.FirstOrDefaultAsync(s => s.GemeenteCode == gemeenteCode, ct);
        if (version is { } v && v != (row?.Version ?? 0))
        {
            return new AssumptionsOutcome.Conflict(row?.UpdatedBy ?? "?", row?.UpdatedAt ?? DateTimeOffset.MinValue);
        }
        var (norms, errors) = reset ? (CoverageNorms.Default, []) : CoverageNormCatalog.Validate(input, CoverageNormCatalog.Norms(row));
        if (norms is null)
        {
            return new AssumptionsOutcome.Invalid(errors);
        }
        if (row is null)
        {
            row = new CoverageSettings { GemeenteCode = gemeenteCode, UpdatedBy = user };
            db.CoverageSettings.Add(row);
        }
        (row.NormDistanceMeters, row.DetourFactor, row.ResidentsPerPoint) = ((int)norms.NormDistanceMeters, norms.DetourFactor, norms.ResidentsPerPoint);
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.CoverageSettings.AsNoTracking().FirstAsync(s => s.GemeenteCode == gemeenteCode, ct);
            return new AssumptionsOutcome.Conflict(current.UpdatedBy, current.UpdatedAt);
        }
        return new AssumptionsOutcome.Saved(row.Version);
    }
}
