using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Foto;

/// <summary>A round in which the gemeente submitted its scan.</summary>
public sealed record ScanPositionRound(Guid Id, string Name, DateOnly OpensOn);

/// <summary>Loads what <see cref="ScanPosition"/> needs: the gemeente's own responses and, aggregated only, those of its peers.</summary>
public sealed class ScanPositionService(AppDbContext db, InstrumentCatalog instruments, ReferenceData reference, IConfiguration config)
{
    /// <summary>
    /// One more than the report's threshold (setting Weerbaar:Report:MinimumGroupSize, default 5): every peer group here
    /// contains the gemeente itself, which knows its own answer; a group mean it sees must still cover at least the
    /// threshold of other gemeenten, or subtracting its own answer would give the mean of fewer than that.
    /// </summary>
    public DisclosureSettings Disclosure => new() { Threshold = config.GetValue("Weerbaar:Report:MinimumGroupSize", DisclosureSettings.DefaultThreshold) + 1 };

    /// <summary>
    /// The rounds in which the gemeente has a submitted response, newest first. Read through the tenant query filter:
    /// a user who may not read the gemeente gets none, so nothing below is computed for them either.
    /// </summary>
    public async Task<List<ScanPositionRound>> RoundsAsync(string gemeentecode, CancellationToken ct)
    {
        var code = gemeentecode.ToUpperInvariant();
        var rows = await (from response in db.ScanResponses.AsNoTracking()
                          where response.GemeenteCode == code && response.Status == ResponseStatus.Submitted
                          join round in db.ScanRounds.AsNoTracking() on response.RoundId equals round.Id
                          select new { round.Id, round.Name, round.OpensOn, round.CreatedAt })
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order by DateTimeOffset.
        return rows.DistinctBy(r => r.Id).OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new ScanPositionRound(r.Id, r.Name, r.OpensOn)).ToList();
    }

    /// <summary>
    /// The gemeente's position in <paramref name="roundId"/>, or by default in the newest round in which it submitted.
    /// Null when the gemeente is unknown, has no submitted response the user may read, or none in the given round.
    /// </summary>
    public async Task<ScanPosition?> ComputeAsync(string gemeentecode, Guid? roundId, CancellationToken ct)
    {
        if (reference.Gemeente(gemeentecode.ToUpperInvariant()) is not { } gemeente)
        {
            return null;
        }
        var rounds = await RoundsAsync(gemeente.Code, ct);
        var current = roundId is { } id ? rounds.FirstOrDefault(r => r.Id == id) : rounds.FirstOrDefault();
        if (current is null)
        {
            return null;
        }
        var ids = rounds.Select(r => r.Id).ToList();
        var instrumentIds = await db.ScanRounds.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.InstrumentId, ct);
        // Other gemeenten's responses are outside the user's tenant scope: read them here only to aggregate. Nothing
        // of them leaves this method except protected means, n and the percentile.
        var all = await db.ScanResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => ids.Contains(r.RoundId) && r.Status == ResponseStatus.Submitted)
            .Select(r => new { r.RoundId, r.GemeenteCode, r.Position, r.Answers })
            .ToListAsync(ct);
        // One response per gemeente: a gemeente is one respondent among its peers. Should a round hold more than one
        // submitted response of a gemeente, the last one (import order, then arrival) counts.
        // Only gemeenten in the reference data: the peer groups need their region, size and stedelijkheid.
        var byRound = all.Where(r => reference.Gemeente(r.GemeenteCode) is not null).GroupBy(r => r.RoundId)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.GemeenteCode, StringComparer.Ordinal)
                .Select(x => x.MaxBy(r => r.Position)!)
                .Select(r => (r.GemeenteCode, r.Answers))
                .ToList());
        var disclosure = Disclosure;
        var trend = rounds.AsEnumerable().Reverse()
            .Select(r => ScanPosition.TrendOf(gemeente.Code, r.Id, r.Name, r.OpensOn, instruments.Find(instrumentIds[r.Id])!, byRound[r.Id], disclosure))
            .ToList();
        var located = byRound[current.Id].Select(r => (reference.Gemeente(r.GemeenteCode)!, r.Answers)).ToList();
        return ScanPosition.Compute(gemeente, current.Id, current.Name, instruments.Find(instrumentIds[current.Id])!, located, trend, disclosure);
    }
}
