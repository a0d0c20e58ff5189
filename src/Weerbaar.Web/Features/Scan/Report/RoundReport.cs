using Microsoft.EntityFrameworkCore;
using Weerbaar.Analysis.Disclosure;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.OpenAnswers;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Results;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Report;

/// <summary>Loads what a round's report needs and has <see cref="ReportComposer"/> write it.</summary>
public sealed class RoundReport(AppDbContext db, InstrumentCatalog instruments, ReferenceData reference,
    OpenAnswerThemes openAnswers, IConfiguration config, TimeProvider clock)
{
    /// <summary>Every table the report is built from (a test checks this against the statements it runs).</summary>
    public static readonly Type[] Tables = [typeof(Rounds.ScanRound), typeof(ScanResponse), typeof(ReportNarrative), typeof(OpenAnswerCoding)];

    /// <summary>The disclosure threshold (setting Weerbaar:Report:MinimumGroupSize, default 5).</summary>
    public DisclosureSettings Disclosure => new() { Threshold = config.GetValue("Weerbaar:Report:MinimumGroupSize", DisclosureSettings.DefaultThreshold) };

    /// <returns>Null when the round does not exist.</returns>
    public async Task<ReportDocument?> BuildAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null)
        {
            return null;
        }
        var responses = await db.ScanResponses.AsNoTracking()
            .Where(r => r.RoundId == roundId && r.Status == ResponseStatus.Submitted)
            .OrderBy(r => r.Position)
            .Select(r => new { r.GemeenteCode, r.Answers }).ToListAsync(ct);
        var narratives = await db.ReportNarratives.AsNoTracking().Where(n => n.RoundId == roundId).ToDictionaryAsync(n => n.Key, n => n.Markdown, ct);
        var instrument = instruments.Find(round.InstrumentId)!;
        var located = responses.Select(r => new ReportResponse(reference.Gemeente(r.GemeenteCode), r.Answers)).ToList();
        var inputs = new ReportInputs(
            round,
            instrument,
            Format.Today(clock),
            reference.Gemeenten.Count(g => round.InPopulation(g.Code, reference)),
            located,
            narratives,
            RoundComparisons.Compute(instrument, "stedelijkheid", located.Where(r => r.Gemeente is not null).Select(r => (r.Gemeente!, r.Answers)).ToList()),
            await openAnswers.SummarizeAsync(roundId, Disclosure.Threshold, ct),
            Disclosure);
        return ReportComposer.Compose(inputs);
    }
}
