using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Programme.Tracking;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>A reprint reminder put in the outbox.</summary>
public sealed record ReminderMail(string GemeenteCode, string To, string Subject, string Body);

/// <summary>
/// The reminder to reprint packs, to the address in the gemeente's schedule. It goes when a pack became due (see
/// <see cref="ReprintDue"/>) after the last reminder, so once per moment something became due, not on every look. As in
/// <see cref="ProgrammeDigest"/>, the claim is one conditional UPDATE of LastReminderAt in the transaction that also
/// stores the e-mail, so of several nodes exactly one sends it. Without a user, the worker compares versions by number
/// only: data that changed after the newest version shows on the page (which compares with the reader's data), and
/// reaches the mail once someone makes the new version.
/// </summary>
public sealed class ReprintReminder(AppDbContext db, ReferenceData reference, IOptions<EmailOptions> email, Operations.WeerbaarMetrics metrics)
{
    public async Task<IReadOnlyList<ReminderMail>> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        metrics.ReminderRun("reprint-reminder");
        now = now.ToUniversalTime();
        var baseUrl = (email.Value.PublicBaseUrl ?? "http://localhost:5000").TrimEnd('/');
        // No user here: a system task over all gemeenten, each mail holding one gemeente's own packs and no names of recipients.
        var schedules = await db.PackReprintSchedules.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ReminderEmail != null && s.ReminderEmail != "").ToListAsync(ct);
        var sent = new List<ReminderMail>();
        foreach (var schedule in schedules.OrderBy(s => s.GemeenteCode, StringComparer.Ordinal))
        {
            var code = schedule.GemeenteCode;
            var handouts = await db.PackHandouts.IgnoreQueryFilters().AsNoTracking().Where(h => h.GemeenteCode == code && h.ReturnedOn == null && h.ReplacedOn == null).ToListAsync(ct);
            if (handouts.Count == 0)
            {
                continue;
            }
            var latest = await HandoutStore.LatestAsync(db.CrisisPacks.IgnoreQueryFilters().AsNoTracking().Where(p => p.GemeenteCode == code), ct);
            var due = ReprintDue.Compute(handouts, latest, schedule.IntervalMonths, now);
            if (due.Count == 0)
            {
                continue;
            }
            var since = due.Max(d => d.DueSince);
            var strategy = db.Database.CreateExecutionStrategy();
            var mail = await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var claimed = await db.PackReprintSchedules.IgnoreQueryFilters()
                    .Where(s => s.GemeenteCode == code && (s.LastReminderAt == null || s.LastReminderAt < since))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReminderAt, now), ct);
                if (claimed == 0)
                {
                    return null;
                }
                var ids = due.Select(d => d.Pack.NoodsteunpuntId).ToList();
                var names = await db.Noodsteunpunten.IgnoreQueryFilters().AsNoTracking().Where(n => n.GemeenteCode == code && ids.Contains(n.Id))
                    .ToDictionaryAsync(n => n.Id, n => n.Name, ct);
                var (subject, body) = Compose(code, reference.Gemeente(code)?.Name ?? code, due, names, baseUrl);
                var composed = new ReminderMail(code, schedule.ReminderEmail!.Trim(), subject, body);
                var message = EmailOutbox.Enqueue(db, composed.To, subject, body);
                (message.CreatedAt, message.NextAttemptAt) = (now, now);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return composed;
            });
            if (mail is not null)
            {
                sent.Add(mail);
            }
        }
        return sent;
    }

    public static (string Subject, string Body) Compose(string code, string gemeenteName, IReadOnlyList<ReprintItem> due, IReadOnlyDictionary<Guid, string> names, string baseUrl)
    {
        var b = new StringBuilder();
        b.AppendLine($"Herdrukken nodig: {due.Count} {(due.Count == 1 ? "pack" : "packs")} van de crisiskit van {gemeenteName} {(due.Count == 1 ? "moet" : "moeten")} opnieuw worden gemaakt en uitgereikt.");
        b.AppendLine();
        foreach (var item in due.OrderBy(d => names.GetValueOrDefault(d.Pack.NoodsteunpuntId), StringComparer.Ordinal))
        {
            var name = names.GetValueOrDefault(item.Pack.NoodsteunpuntId) ?? "(verwijderd noodsteunpunt)";
            b.AppendLine($"- Noodsteunpunt {name} ({(item.Pack.WithRegister ? "uitgave met register" : "uitgave zonder register")}, {item.Holders} {(item.Holders == 1 ? "exemplaar" : "exemplaren")} uitgereikt): {string.Join("; ", item.Reasons)}.");
        }
        b.AppendLine();
        b.AppendLine($"Wie welke versie heeft: {baseUrl}/gemeenten/{code}/crisiskit/uitgifte");
        b.AppendLine();
        b.AppendLine("U ontvangt deze herinnering omdat dit adres in het herdrukschema van de crisiskit staat. Wijzig of verwijder het adres daar.");
        return ($"Crisiskit {gemeenteName}: herdrukken nodig", b.ToString());
    }
}

/// <summary>Looks as often as the programme digest (<see cref="DigestOptions.IntervalMinutes"/>; 0 switches both off) whether a reprint reminder is due.</summary>
public sealed class ReprintReminderWorker(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<ReprintReminderWorker> logger)
    : ScheduledMailWorker(scopes, options, clock, logger)
{
    protected override string What => "herinneringen om de crisiskit te herdrukken";

    protected override async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
        => (await services.GetRequiredService<ReprintReminder>().RunAsync(now, ct)).Count;
}
