using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Scan.Instruments;
using Weerbaar.Web.Features.Scan.Responses;
using Weerbaar.Web.Features.Scan.Rounds;

namespace Weerbaar.Web.Features.Scan.Monitoring;

/// <summary>
/// What the monitoring page and the monitoring API read of one round, loaded once per request; the figures are the
/// pure computations of <see cref="ResponseMonitor"/>, <see cref="ResponseTimeline"/> and <see cref="ItemNonresponse"/>.
/// </summary>
public sealed class RoundMonitorData
{
    private sealed record Row(string GemeenteCode, ResponseStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, Dictionary<string, string> Answers);

    private readonly List<Row> _responses;

    private RoundMonitorData(ScanRound round, Instrument instrument, List<GemeenteInfo> population, HashSet<string> invited, List<Row> responses)
    {
        Round = round;
        Instrument = instrument;
        Population = population;
        Invited = invited;
        _responses = responses;
        // One status per gemeente: a submitted response wins over one in progress.
        Status = responses.GroupBy(r => r.GemeenteCode)
            .ToDictionary(g => g.Key, g => g.Any(x => x.Status == ResponseStatus.Submitted) ? ResponseStatus.Submitted : ResponseStatus.InProgress);
    }

    public ScanRound Round { get; }
    public Instrument Instrument { get; }
    public IReadOnlyList<GemeenteInfo> Population { get; }
    public IReadOnlySet<string> Invited { get; }
    public IReadOnlyDictionary<string, ResponseStatus> Status { get; }

    /// <summary>Gemeenten with a submitted response.</summary>
    public int SubmittedGemeenten => Status.Count(s => s.Value == ResponseStatus.Submitted);

    /// <summary>Gemeenten with a response in progress and none submitted.</summary>
    public int InProgressGemeenten => Status.Count(s => s.Value == ResponseStatus.InProgress);

    public static async Task<RoundMonitorData?> LoadAsync(Guid roundId, AppDbContext db, ReferenceData reference, InstrumentCatalog instruments, CancellationToken ct)
    {
        var round = await db.ScanRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || instruments.Find(round.InstrumentId) is not { } instrument)
        {
            return null;
        }
        var population = reference.Gemeenten.Where(g => round.InPopulation(g.Code, reference)).ToList();
        var invited = (await db.ScanInvitations.AsNoTracking().Where(i => i.RoundId == roundId).Select(i => i.GemeenteCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var responses = await db.ScanResponses.AsNoTracking().Where(r => r.RoundId == roundId)
            .OrderBy(r => r.Position)
            .Select(r => new Row(r.GemeenteCode, r.Status, r.CreatedAt, r.SubmittedAt, r.Answers))
            .ToListAsync(ct);
        return new RoundMonitorData(round, instrument, population, invited, responses);
    }

    public IReadOnlyList<GroupResponse> By(string dimension) => ResponseMonitor.By(dimension, Population, Invited, Status);

    public IReadOnlyList<NonResponder> NonResponders() => ResponseMonitor.NonResponders(Population, Invited, Status);

    /// <summary>Per day, counted in responses (not gemeenten); only a response that is submitted now counts as submitted.</summary>
    public IReadOnlyList<TimelineDay> Timeline(DateTimeOffset now)
        => ResponseTimeline.Compute(Round.OpensOn, Round.ClosesOn, Shared.Format.DayInAmsterdam(now),
            _responses.Select(r => new ResponseDates(r.CreatedAt, r.Status == ResponseStatus.Submitted ? r.SubmittedAt : null)), Shared.Format.Amsterdam);

    public IReadOnlyList<ItemNonresponseRow> ItemNonresponse() => Monitoring.ItemNonresponse.Compute(Instrument, SubmittedAnswers());

    /// <summary>Counted in responses (not gemeenten).</summary>
    public Completeness Completeness()
        => Monitoring.ItemNonresponse.CompletenessOf(Instrument, SubmittedAnswers(), _responses.Count(r => r.Status == ResponseStatus.InProgress));

    private List<IReadOnlyDictionary<string, string>> SubmittedAnswers()
        => _responses.Where(r => r.Status == ResponseStatus.Submitted).Select(r => (IReadOnlyDictionary<string, string>)r.Answers).ToList();
}
