using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>Reads for the tracking pages and API (tenant filters apply).</summary>
public sealed class TrackingQueries(AppDbContext db, ProgrammeReader reader, MeasuresCatalogue catalogue, ScanTrendReader trend, TimeProvider clock)
{
    public DateOnly Today => Shared.Format.Today(clock);

    public async Task<DeadlineOverview> DeadlinesAsync(string gemeenteCode, CancellationToken ct)
    {
        var view = await reader.LoadAsync(gemeenteCode, ct);
        var agreements = await db.PartnerAgreements.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode).ToListAsync(ct);
        return DeadlineOverview.Compute(view.Actions, agreements, Today);
    }

    public async Task<(IReadOnlyList<PillarProgressRow> Progress, ScanTrend Trend)> ProgressAsync(string gemeenteCode, CancellationToken ct)
    {
        var view = await reader.LoadAsync(gemeenteCode, ct);
        var rounds = await trend.RoundsAsync(gemeenteCode, ct);
        var pillars = catalogue.Pillars;
        return (PillarProgress.Compute(view.Actions, pillars, Today), ScanTrend.Compose(rounds, view.Actions, pillars));
    }

    public async Task<(ProgrammeView View, List<ProgrammeReview> Reviews, DateOnly NextDue)> ReviewsAsync(string gemeenteCode, CancellationToken ct)
    {
        var view = await reader.LoadAsync(gemeenteCode, ct);
        var reviews = (await db.ProgrammeReviews.AsNoTracking().Where(r => r.GemeenteCode == gemeenteCode).ToListAsync(ct))
            .OrderByDescending(r => r.Number).ToList();
        var last = reviews.Count == 0 ? (DateOnly?)null : reviews.Max(r => r.HeldOn);
        return (view, reviews, ReviewRecorder.NextDue(view.Programme, last));
    }

    public Task<ProgrammeReview?> ReviewAsync(string gemeenteCode, int number, CancellationToken ct)
        => db.ProgrammeReviews.AsNoTracking().FirstOrDefaultAsync(r => r.GemeenteCode == gemeenteCode && r.Number == number, ct);

    public string PillarName(string code) => catalogue.Pillars.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    public IReadOnlyList<Scenarios.CodeName> Pillars => catalogue.Pillars;
}
