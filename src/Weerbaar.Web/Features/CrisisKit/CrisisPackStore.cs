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
/// Scoped: the status checks of one request share one read of the gemeente's pack sources.
/// </summary>
public sealed class CrisisPackStore(AppDbContext db, NoodsteunpuntPackBuilder builder, Team.CrisisTeamPackBuilder team, TimeProvider clock)
{
    private (string Code, Task<PackSources?> Read)? _sources;

    private Task<PackSources?> SourcesAsync(string code, CancellationToken ct)
    {
        if (_sources is not { } s || s.Code != code)
        {
            _sources = s = (code, builder.SourcesAsync(code, ct));
        }
        return s.Read;
    }

    /// <returns>The version and whether it was made now; null when the noodsteunpunt is not the gemeente's.</returns>
    public async Task<(CrisisPack Pack, bool Created)?> IssueAsync(string gemeenteCode, Guid noodsteunpuntId, string user, CancellationToken ct)
        => await builder.BuildAsync(gemeenteCode, noodsteunpuntId, ct) is { } content
            ? await StoreAsync(gemeenteCode, noodsteunpuntId, content.Locations is not null, PackHash.Json(content), PackHash.Sections(content), user, ct)
            : null;

    /// <returns>The version of the crisis team pack and whether it was made now; null when the gemeente does not exist.</returns>
    public async Task<(CrisisPack Pack, bool Created)?> IssueTeamAsync(string gemeenteCode, string user, CancellationToken ct)
        => await team.BuildAsync(gemeenteCode, ct) is { } content
            ? await StoreAsync(gemeenteCode, CrisisPack.CrisisTeam, content.Locations is not null, PackHash.Json(content), PackHash.Sections(content), user, ct)
            : null;

    private async Task<(CrisisPack Pack, bool Created)> StoreAsync(
        string gemeenteCode, Guid noodsteunpuntId, bool withRegister, byte[] json, IReadOnlyDictionary<string, string> sections, string user, CancellationToken ct)
    {
        var sha = PackHash.Sha256(json);
        var code = gemeenteCode.ToUpperInvariant();
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
                Sections = new Dictionary<string, string>(sections),
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
        var latest = (await db.CrisisPacks.AsNoTracking().Where(p => p.GemeenteCode == code && p.WithRegister == withRegister && p.NoodsteunpuntId != CrisisPack.CrisisTeam).ToListAsync(ct))
            .GroupBy(p => p.NoodsteunpuntId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Number)!);
        var sources = latest.Count == 0 ? null : await SourcesAsync(code, ct);
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

    /// <summary>The newest version of the reader's edition of the crisis team pack and what changed since.</summary>
    public async Task<PackStatus> TeamStatusAsync(string gemeenteCode, CancellationToken ct)
    {
        var code = gemeenteCode.ToUpperInvariant();
        var pack = await LatestAsync(code, CrisisPack.CrisisTeam, builder.WithRegister(code), ct);
        IReadOnlyList<string> changed = [];
        if (pack is not null && await SourcesAsync(code, ct) is { } sources)
        {
            var now = await team.BuildAsync(sources, ct);
            var sections = PackHash.Sections(now);
            changed = [.. PackHash.TeamSectionLabels.Where(s => sections.GetValueOrDefault(s.Key) != pack.Sections.GetValueOrDefault(s.Key)).Select(s => s.Label)];
        }
        return new PackStatus(CrisisPack.CrisisTeam, "Crisisteam", pack, changed);
    }

    private Task<CrisisPack?> LatestAsync(string code, Guid point, bool withRegister, CancellationToken ct)
        => db.CrisisPacks.AsNoTracking().Where(p => p.GemeenteCode == code && p.NoodsteunpuntId == point && p.WithRegister == withRegister)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
}
