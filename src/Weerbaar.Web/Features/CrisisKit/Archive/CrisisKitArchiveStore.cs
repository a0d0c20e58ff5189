using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit.Archive;

/// <summary>The stored ZIPs of crisis kits: the newest <see cref="Keep"/> per gemeente, older ones go when a new one is stored.</summary>
public sealed class CrisisKitArchiveStore(AppDbContext db)
{
    public const int Keep = 3;

    public async Task SaveAsync(CrisisKitArchive archive, CancellationToken ct)
    {
        db.CrisisKitArchives.Add(archive);
        await db.SaveChangesAsync(ct);
        var older = await db.CrisisKitArchives.AsNoTracking().Where(a => a.GemeenteCode == archive.GemeenteCode)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(Keep).Select(a => a.Id).ToListAsync(ct);
        if (older.Count > 0)
        {
            await db.CrisisKitArchives.Where(a => older.Contains(a.Id)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>The ZIP a job made, if it is of the reader's edition (a lezer never gets the one with the register).</summary>
    public Task<CrisisKitArchive?> FindAsync(string gemeenteCode, Guid jobId, bool withRegister, CancellationToken ct)
        => db.CrisisKitArchives.AsNoTracking()
            .FirstOrDefaultAsync(a => a.JobId == jobId && a.GemeenteCode == gemeenteCode.ToUpperInvariant() && a.WithRegister == withRegister, ct);

    public Task<bool> ExistsAsync(string gemeenteCode, Guid jobId, bool withRegister, CancellationToken ct)
        => db.CrisisKitArchives.AnyAsync(a => a.JobId == jobId && a.GemeenteCode == gemeenteCode.ToUpperInvariant() && a.WithRegister == withRegister, ct);
}
