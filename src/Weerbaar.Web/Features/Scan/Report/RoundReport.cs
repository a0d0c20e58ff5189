using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>Builds a round's <see cref="ReportDocument"/> from its submitted responses (work in progress).</summary>
public sealed class RoundReport(AppDbContext db)
{
    /// <returns>Null when the round does not exist.</returns>
    public async Task<ReportDocument?> BuildAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        return new ReportDocument($"Uitkomsten {round.Name}", "Weerbaarheidsscan gemeenten", DateOnly.FromDateTime(DateTime.UtcNow), 0,
        [
            new ReportHeading(1, "inleiding", "1. Inleiding"),
            new ReportParagraph("Nog niet uitgewerkt."),
            new ReportTable("respons", "Respons", ["Vraag", "n"], [["B1", new ReportCell("0", 0)]], 0),
        ]);
    }
}
