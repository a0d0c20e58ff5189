using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

public abstract record ScheduleOutcome
{
    public sealed record Saved(PackReprintSchedule Schedule) : ScheduleOutcome;
    public sealed record Invalid(List<FieldError> Errors) : ScheduleOutcome;
    public sealed record Conflict(string UpdatedBy, DateTimeOffset UpdatedAt) : ScheduleOutcome;
}

/// <summary>The gemeente's reprint schedule; a change with a stale version is refused and changes nothing.</summary>
public sealed class ReprintScheduleStore(AppDbContext db, TimeProvider clock)
{
    public const string Months = "maanden";
    public const string Email = "e-mail";

    /// <param name="version">The version the editor saw (0 when nothing was stored yet).</param>
    public async Task<ScheduleOutcome> SaveAsync(string gemeenteCode, string? months, string? email, int version, string user, CancellationToken ct)
    {
        var code = gemeenteCode.ToUpperInvariant();
        var row = await db.PackReprintSchedules.FirstOrDefaultAsync(s => s.GemeenteCode == code, ct);
        if (version != (row?.Version ?? 0))
        {
            return new ScheduleOutcome.Conflict(row?.UpdatedBy ?? "?", row?.UpdatedAt ?? DateTimeOffset.MinValue);
        }
        var errors = new List<FieldError>();
        var interval = PackReprintSchedule.DefaultMonths;
        if (!string.IsNullOrWhiteSpace(months) && (!int.TryParse(months.Trim(), out interval) || interval < 1 || interval > PackReprintSchedule.MaxMonths))
        {
            errors.Add(new(Months, $"Vul een aantal maanden in van 1 tot en met {PackReprintSchedule.MaxMonths}; leeg is {PackReprintSchedule.DefaultMonths}."));
        }
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && (address.Length > PackReprintSchedule.MaxEmail || !MailAddress.TryCreate(address, out var mail) || mail.Address != address || !address.Contains('.', StringComparison.Ordinal)))
        {
            errors.Add(new(Email, $"‘{address}’ is geen geldig e-mailadres; schrijf bijvoorbeeld crisis@gemeente.nl."));
        }
        if (errors.Count > 0)
        {
            return new ScheduleOutcome.Invalid(errors);
        }
        if (row is null)
        {
            row = new PackReprintSchedule { GemeenteCode = code, UpdatedBy = user };
            db.PackReprintSchedules.Add(row);
        }
        (row.IntervalMonths, row.ReminderEmail) = (interval, address);
        row.Version++;
        row.UpdatedBy = user;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else stored it first (the version token, or the first row inserted twice).
            db.ChangeTracker.Clear();
            var current = await db.PackReprintSchedules.AsNoTracking().FirstAsync(s => s.GemeenteCode == code, ct);
            return new ScheduleOutcome.Conflict(current.UpdatedBy, current.UpdatedAt);
        }
        return new ScheduleOutcome.Saved(row);
    }
}
