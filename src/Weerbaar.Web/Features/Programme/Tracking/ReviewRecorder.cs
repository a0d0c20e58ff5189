using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Programme.Tracking;

public sealed record ReviewInput(string? Period, string? HeldOn, string? Summary);

public abstract record ReviewOutcome
{
    public sealed record Recorded(ProgrammeReview Review) : ReviewOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ReviewOutcome;
}

/// <summary>Records a review with a snapshot of the programme at this moment and the next number of the gemeente; never changes one.</summary>
public sealed class ReviewRecorder(AppDbContext db, ProgrammeReader reader, MeasuresCatalogue catalogue, TimeProvider clock)
{
    public const int MaxPeriod = 40;
    private const int Attempts = 5;

    public static class Fields
    {
        public const string Period = "periode", HeldOn = "datum", Summary = "samenvatting";
    }

    public async Task<ReviewOutcome> RecordAsync(string gemeenteCode, ReviewInput input, string user, CancellationToken ct)
    {
        var today = Shared.Format.Today(clock);
        var errors = new List<FieldError>();
        var period = input.Period?.Trim();
        if (string.IsNullOrEmpty(period))
        {
            errors.Add(new(Fields.Period, "Vul de periode van de review in, bijvoorbeeld ‘2027 K1’."));
        }
        else if (period.Length > MaxPeriod)
        {
            errors.Add(new(Fields.Period, $"De periode mag hoogstens {MaxPeriod} tekens zijn."));
        }
        var heldOn = TrackingText.PastDate(input.HeldOn, Fields.HeldOn, "de datum van de review", today, errors);
        var summary = TrackingText.Optional(input.Summary, Fields.Summary, ProgrammeReview.MaxText, "De samenvatting", errors);
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            errors.Add(new(Fields.Summary, "Vul de samenvatting van de review in: wat ging goed, wat niet, wat verandert er."));
        }
        if (errors.Count > 0)
        {
            return new ReviewOutcome.Invalid(errors);
        }
        var view = await reader.LoadAsync(gemeenteCode, ct);
        var agreements = await db.PartnerAgreements.AsNoTracking().Where(a => a.GemeenteCode == gemeenteCode).ToListAsync(ct);
        var snapshot = ReviewSnapshot.Take(view, agreements, catalogue.Pillars, today).ToJson();
        for (var attempt = 1; ; attempt++)
        {
            var review = new ProgrammeReview
            {
                Id = Guid.NewGuid(),
                GemeenteCode = gemeenteCode,
                Period = period!,
                HeldOn = heldOn!.Value,
                Summary = summary,
                SnapshotJson = snapshot,
                RecordedBy = user,
                RecordedAt = clock.GetUtcNow(),
            };
            // SQLite takes the write lock at the start of the transaction; on PostgreSQL a second writer with the same
            // number fails on the unique index and tries again with the next one.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                review.Number = 1 + (await db.ProgrammeReviews.IgnoreQueryFilters().Where(r => r.GemeenteCode == gemeenteCode).MaxAsync(r => (int?)r.Number, ct) ?? 0);
                db.ProgrammeReviews.Add(review);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new ReviewOutcome.Recorded(review);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                await tx.RollbackAsync(ct);
                db.Entry(review).State = EntityState.Detached;
            }
        }
    }

    /// <summary>When the next review is due: the last one's day plus the cycle, or the programme start plus the cycle.</summary>
    public static DateOnly NextDue(GemeenteProgramme programme, DateOnly? lastHeldOn)
        => (lastHeldOn ?? programme.StartDate).AddMonths(Math.Max(1, programme.ReviewCycleMonths));
}
