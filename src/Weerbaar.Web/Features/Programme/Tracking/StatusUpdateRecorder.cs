using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>A status update as typed in the form or sent to the API; the date as text so a bad date is one error among the others.</summary>
public sealed record StatusUpdateInput(string? Date, string? Status, string? Note, string? Evidence);

public abstract record StatusUpdateOutcome
{
    public sealed record Recorded(ActionStatusUpdate Update, ProgrammeAction Action) : StatusUpdateOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : StatusUpdateOutcome;

    public sealed record NotFound : StatusUpdateOutcome;
}

/// <summary>
/// Appends a status update to an action's history and brings the action along in the same transaction: its status
/// becomes that of the update with the latest date (of equal dates, the last recorded), CompletedOn the date of that
/// update when it is "afgerond", its version goes up. An update dated before the newest one is kept in the history
/// but does not change the current status.
/// </summary>
public sealed class StatusUpdateRecorder(AppDbContext db, TimeProvider clock)
{
    private const int Attempts = 3;

    public static class Fields
    {
        public const string Date = "datum", Status = "status", Note = "toelichting", Evidence = "bewijs";
    }

    public static IReadOnlyList<FieldError> Validate(StatusUpdateInput input, DateOnly today, out (DateOnly Date, string Status, string? Note, string? Evidence) value)
    {
        var errors = new List<FieldError>();
        var date = TrackingText.PastDate(input.Date, Fields.Date, "de datum van de voortgang", today, errors);
        var status = input.Status?.Trim();
        if (string.IsNullOrEmpty(status))
        {
            errors.Add(new(Fields.Status, "Kies de status van de actie."));
        }
        else if (!ActionStatus.All.Contains(status))
        {
            errors.Add(new(Fields.Status, $"‘{status}’ is geen status; kies uit {string.Join(", ", ActionStatus.All.Select(s => $"{s} ({ActionStatus.Label(s)})"))}."));
            status = null;
        }
        var note = TrackingText.Optional(input.Note, Fields.Note, ActionStatusUpdate.MaxText, "De toelichting", errors);
        var evidence = TrackingText.Optional(input.Evidence, Fields.Evidence, ActionStatusUpdate.MaxText, "Het bewijs", errors);
        if (status == ActionStatus.Done && string.IsNullOrWhiteSpace(input.Evidence))
        {
            errors.Add(new(Fields.Evidence, "Een afgeronde actie vraagt om bewijs: noem het document, het besluit of de link waaruit blijkt dat de actie af is."));
        }
        if (status == ActionStatus.Stopped && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add(new(Fields.Note, "Vul in de toelichting in waarom de actie is gestopt."));
        }
        if (status == ActionStatus.Delayed && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add(new(Fields.Note, "Vul in de toelichting in waardoor de actie vertraagd is en wat er nodig is."));
        }
        value = (date ?? default, status ?? "", note, evidence);
        return errors;
    }

    public async Task<StatusUpdateOutcome> RecordAsync(string gemeenteCode, int number, StatusUpdateInput input, string user, CancellationToken ct)
    {
        if (!await db.ProgrammeActions.AnyAsync(a => a.GemeenteCode == gemeenteCode && a.Number == number, ct))
        {
            return new StatusUpdateOutcome.NotFound();
        }
        var errors = Validate(input, Shared.Format.Today(clock), out var v);
        if (errors.Count > 0)
        {
            return new StatusUpdateOutcome.Invalid(errors);
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var action = await db.ProgrammeActions.FirstAsync(a => a.GemeenteCode == gemeenteCode && a.Number == number, ct);
                var now = clock.GetUtcNow();
                var update = new ActionStatusUpdate
                {
                    Id = Guid.NewGuid(),
                    GemeenteCode = gemeenteCode,
                    ActionId = action.Id,
                    Date = v.Date,
                    Status = v.Status,
                    Note = v.Note,
                    Evidence = v.Evidence,
                    RecordedBy = user,
                    RecordedAt = now,
                };
                var history = await db.ActionStatusUpdates.AsNoTracking().Where(u => u.ActionId == action.Id).ToListAsync(ct);
                var current = Current([.. history, update])!;
                action.Status = current.Status;
                action.CompletedOn = current.Status == ActionStatus.Done ? current.Date : null;
                action.Version++;
                action.UpdatedBy = user;
                action.UpdatedAt = now;
                db.ActionStatusUpdates.Add(update);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new StatusUpdateOutcome.Recorded(update, action);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone else changed the action meanwhile: start again from what is stored now.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The update that sets the current status: the latest date, and of equal dates the last recorded.</summary>
    public static ActionStatusUpdate? Current(IEnumerable<ActionStatusUpdate> updates)
        => updates.OrderByDescending(u => u.Date).ThenByDescending(u => u.RecordedAt.UtcTicks).FirstOrDefault();

    /// <summary>The history newest first, in the order <see cref="Current"/> uses.</summary>
    public async Task<List<ActionStatusUpdate>> HistoryAsync(Guid actionId, CancellationToken ct)
        => [.. (await db.ActionStatusUpdates.AsNoTracking().Where(u => u.ActionId == actionId).ToListAsync(ct))
            .OrderByDescending(u => u.Date).ThenByDescending(u => u.RecordedAt.UtcTicks)];
}
