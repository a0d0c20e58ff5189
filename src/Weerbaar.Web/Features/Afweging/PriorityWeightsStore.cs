using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.SelfReliance;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>Reads and saves a gemeente's priority weights; a save with a stale version is refused and changes nothing.</summary>
public sealed class PriorityWeightsStore(AppDbContext db, TimeProvider clock)
{
    public Task<PriorityWeightSettings?> FindAsync(string gemeenteCode, CancellationToken ct)
        => db.PriorityWeights.AsNoTracking().FirstOrDefaultAsync(w => w.GemeenteCode == gemeenteCode, ct);

    /// <param name="weights">Checked weights; null resets to the defaults.</param>
    /// <param name="version">The version the editor saw (0 when nothing was stored); null skips the check (API without version).</param>
    public async Task<AssumptionsOutcome> SaveAsync(string gemeenteCode, PriorityWeights? weights, int? version, string user, CancellationToken ct)
    {
        var row = await db.PriorityWeights.FirstOrDefaultAsync(w => w.GemeenteCode == gemeenteCode, ct);
        if (version is { } v && v != (row?.Version ?? 0))
        {
            return new AssumptionsOutcome.Conflict(row?.UpdatedBy ?? "?", row?.UpdatedAt ?? DateTimeOffset.MinValue);
        }
        // A reset stores the defaults under a new version, so an editor who saw an older version still gets a conflict.
        weights ??= PriorityWeights.Default;
        if (row is null)
        {
            row = new PriorityWeightSettings { GemeenteCode = gemeenteCode, WeightsJson = "", UpdatedBy = user };
            db.PriorityWeights.Add(row);
        }
        row.WeightsJson = weights.ToJson();
        row.PairwiseJson = weights.Pairwise is null ? null : System.Text.Json.JsonSerializer.Serialize(weights.Pairwise);
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.PriorityWeights.AsNoTracking().FirstOrDefaultAsync(w => w.GemeenteCode == gemeenteCode, ct);
            return new AssumptionsOutcome.Conflict(current?.UpdatedBy ?? "?", current?.UpdatedAt ?? DateTimeOffset.MinValue);
        }
        return new AssumptionsOutcome.Saved(row.Version);
    }
}
