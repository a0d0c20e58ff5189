using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Gemeenten;

public sealed record BuurtGeometryStatus(int Count, DateTimeOffset? LoadedAt);

/// <summary>Replaces all buurt geometries at once (one transaction: a failed load leaves the old map intact).</summary>
public sealed class BuurtGeometryStore(AppDbContext db, TimeProvider clock)
{
    public async Task<BuurtGeometryStatus> StatusAsync(CancellationToken ct)
        => new(await db.BuurtGeometries.CountAsync(ct), await db.BuurtGeometries.MaxAsync(g => (DateTimeOffset?)g.LoadedAt, ct));

    public async Task<BuurtGeometryReadResult> ReplaceAsync(byte[] geoJson, CancellationToken ct)
    {
        var known = (await db.Buurten.AsNoTracking().Select(b => b.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var result = BuurtGeometryImport.Read(geoJson, known, clock.GetUtcNow());
        if (result.Errors.Count > 0)
        {
            return result;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.BuurtGeometries.ExecuteDeleteAsync(ct);
        db.BuurtGeometries.AddRange(result.Geometries);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    public Task<int> DeleteAllAsync(CancellationToken ct) => db.BuurtGeometries.ExecuteDeleteAsync(ct);
}
