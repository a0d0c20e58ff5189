using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit;

/// <summary>A noodsteunpunt's newest pack version against what a pack made now would hold.</summary>
/// <param name="Latest">Null when no version was made yet.</param>
/// <param name="Changed">Labels of the sections that differ from the newest version (empty: it is current).</param>
public sealed record PackStatus(Guid NoodsteunpuntId, string Name, CrisisPack? Latest, IReadOnlyList<string> Changed)
{
    public bool IsStale => Latest is not null && Changed.Count > 0;
}

/// <summary>
/// Numbered pack versions: a version is made when someone hands the pack out and its content differs from the newest
/// version of the same edition; the number is the next one, race-safe through a unique index and one retry.
/// </summary>
public sealed class CrisisPackStore(AppDbContext db, NoodsteunpuntPackBuilder builder, TimeProvider clock)
{
    /// <returns>The version and whether it was made now; null when the noodsteunpunt is not the gemeente's.</returns>
    public async Task<(CrisisPack Pack, bool Created)?> IssueAsync(string gemeenteCode, Guid noodsteunpuntId, string user, CancellationToken ct)
    {
        if (await builder.BuildAsync(gemeenteCode, noodsteunpuntId, ct) is not { } content)
        {
            return null;
        }
        var json = PackHash.Json(content);
        var sha = PackHash.Sha256(json);
        var code = gemeenteCode.ToUpperInvariant();
        var withRegister = content.Locations is not null;
        for (var attempt = 1; ; attempt++)
        {
            var latest = await LatestAsync(code, noodsteunpuntId, withRegister, ct);
            if (latest?.Sha256 == sha)
            {
                return (latest, false);
            }
            var pack = new CrisisPack
            {
                GemeenteCode = code,
                NoodsteunpuntId = noodsteunpuntId,
                WithRegister = withRegister,
                Number = (latest?.Number ?? 0) + 1,
                Sha256 = sha,
                Sections = new Dictionary<string, string>(PackHash.Sections(content)),
                ContentJson = System.Text.Encoding.UTF8.GetString(json),
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = user,
            };
            db.CrisisPacks.Add(pack);
            try
            {
                await db.SaveChangesAsync(ct);
                return (pack, true);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another request took this number
            }
        }
    }

    public Task<CrisisPack?> FindAsync(string gemeenteCode, Guid noodsteunpuntId, bool withRegister, int number, CancellationToken ct)
        => db.CrisisPacks.AsNoTracking().FirstOrDefaultAsync(p => p.GemeenteCode == gemeenteCode.ToUpperInvariant() && p.NoodsteunpuntId == noodsteunpuntId
            && p.WithRegister == withRegister && p.Number == number, ct);

    /// <summary>Per noodsteunpunt of the gemeente: the newest version of the reader's edition and what changed since.</summary>
    public async Task<List<PackStatus>> StatusAsync(string gemeenteCode, IReadOnlyList<Locations.Noodsteunpunt> points, CancellationToken ct)
    {
        var code = gemeenteCode.ToUpperInvariant();
        var withRegister = builder.WithRegister(code);
        var latest = (await db.CrisisPacks.AsNoTracking().Where(p => p.GemeenteCode == code && p.WithRegister == withRegister).ToListAsync(ct))
            .GroupBy(p => p.NoodsteunpuntId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Number)!);
        var sources = latest.Count == 0 ? null : await builder.SourcesAsync(code, ct);
        var result = new List<PackStatus>();
        foreach (var point in points)
        {
            var pack = latest.GetValueOrDefault(point.Id);
            IReadOnlyList<string> changed = [];
            if (pack is not null && sources is not null && NoodsteunpuntPackBuilder.Build(sources, point.Id) is { } now)
            {
                var sections = PackHash.Sections(now);
                changed = [.. PackHash.SectionLabels.Where(s => sections.GetValueOrDefault(s.Key) != pack.Sections.GetValueOrDefault(s.Key)).Select(s => s.Label)];
            }
            result.Add(new PackStatus(point.Id, point.Name, pack, changed));
        }
        return result;
    }

    private Task<CrisisPack?> LatestAsync(string code, Guid point, bool withRegister, CancellationToken ct)
        => db.CrisisPacks.AsNoTracking().Where(p => p.GemeenteCode == code && p.NoodsteunpuntId == point && p.WithRegister == withRegister)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
}
