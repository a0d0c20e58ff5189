using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>A line of the history: a record with the numbers of the record it corrects and the one that corrects it.</summary>
public sealed record DecisionSummary(DecisionRecord Record, int? CorrectsNumber, int? CorrectedByNumber);

/// <summary>Reads a gemeente's decision records through the tenant query filter: a user who may not read the gemeente sees none.</summary>
public sealed class DecisionRecordQueries(AppDbContext db)
{
    /// <summary>Newest first.</summary>
    public async Task<List<DecisionSummary>> HistoryAsync(string gemeenteCode, CancellationToken ct)
    {
        var records = await db.DecisionRecords.AsNoTracking().Where(d => d.GemeenteCode == gemeenteCode).OrderByDescending(d => d.Number).ToListAsync(ct);
        var numbers = records.ToDictionary(d => d.Id, d => d.Number);
        var correctedBy = records.Where(d => d.CorrectsId is not null).ToDictionary(d => d.CorrectsId!.Value, d => d.Number);
        return [.. records.Select(d => new DecisionSummary(d,
            d.CorrectsId is { } c ? numbers.GetValueOrDefault(c) : null,
            correctedBy.TryGetValue(d.Id, out var n) ? n : null))];
    }

    public async Task<DecisionSummary?> FindAsync(string gemeenteCode, int number, CancellationToken ct)
    {
        var record = await db.DecisionRecords.AsNoTracking().FirstOrDefaultAsync(d => d.GemeenteCode == gemeenteCode && d.Number == number, ct);
        if (record is null)
        {
            return null;
        }
        int? corrects = record.CorrectsId is { } id ? await db.DecisionRecords.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct) : null;
        var correctedBy = await db.DecisionRecords.AsNoTracking().Where(d => d.CorrectsId == record.Id).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct);
        return new DecisionSummary(record, corrects, correctedBy);
    }

    /// <summary>The whole chain the record belongs to, oldest first (1 ← 2 ← 3).</summary>
    public async Task<List<DecisionSummary>> ChainAsync(string gemeenteCode, int number, CancellationToken ct)
    {
        var history = await HistoryAsync(gemeenteCode, ct);
        var byNumber = history.ToDictionary(h => h.Record.Number);
        if (!byNumber.TryGetValue(number, out var current))
        {
            return [];
        }
        var chain = new List<DecisionSummary> { current };
        for (var back = current; back.CorrectsNumber is { } c && byNumber.TryGetValue(c, out var older); back = older)
        {
            chain.Insert(0, older);
        }
        for (var on = current; on.CorrectedByNumber is { } n && byNumber.TryGetValue(n, out var newer); on = newer)
        {
            chain.Add(newer);
        }
        return chain;
    }

    public static DecisionView View(string gemeenteName, DecisionSummary s)
        => new(gemeenteName, s.Record, DecisionInputs.FromJson(s.Record.InputsJson), s.CorrectsNumber, s.CorrectedByNumber);
}
