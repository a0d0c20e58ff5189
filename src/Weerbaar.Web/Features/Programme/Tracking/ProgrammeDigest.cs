using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Email;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>A digest put in the outbox.</summary>
public sealed record DigestMail(string GemeenteCode, string To, string Subject, string Body);

/// <summary>
/// The weekly e-mail of overdue and upcoming deadlines to each programme's digest address. A programme is due once the
/// week's scheduled moment (default Monday 07:00 Amsterdam time) has passed after its last digest. The claim is one
/// conditional UPDATE of LastDigestAt in the transaction that also stores the e-mail, so of several nodes (or a restart
/// halfway) exactly one sends it; a week with nothing due is claimed as well, without an e-mail, so nothing goes out
/// mid-week when a deadline comes into view.
/// </summary>
public sealed class ProgrammeDigest(AppDbContext db, ReferenceData reference, IOptions<EmailOptions> email, IOptions<DigestOptions> options,
    Operations.WeerbaarMetrics metrics)
{
    /// <summary>The latest scheduled moment at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset DueMoment(DateTimeOffset now, DayOfWeek day, TimeOnly time)
    {
        var local = TimeZoneInfo.ConvertTime(now, Format.Amsterdam);
        var date = DateOnly.FromDateTime(local.DateTime).AddDays(-(((int)local.DayOfWeek - (int)day + 7) % 7));
        DateTimeOffset At(DateOnly d)
        {
            var wall = d.ToDateTime(time, DateTimeKind.Unspecified);
            return new DateTimeOffset(wall, Format.Amsterdam.GetUtcOffset(wall));
        }
        // In UTC: PostgreSQL stores only UTC, and SQLite compares the stored values as numbers that include the offset.
        var moment = At(date).ToUniversalTime();
        return moment > now ? At(date.AddDays(-7)).ToUniversalTime() : moment;
    }

    /// <summary>Queues the digests due at <paramref name="now"/>; returns those queued by this call.</summary>
    public async Task<IReadOnlyList<DigestMail>> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        metrics.ReminderRun("programme-digest");
        now = now.ToUniversalTime();
        var o = options.Value;
        var due = DueMoment(now, o.Day, o.TimeOfDay);
        var today = Format.DayInAmsterdam(now);
        var baseUrl = (email.Value.PublicBaseUrl ?? "http://localhost:5000").TrimEnd('/');
        // No user here: the digest is a system task over all gemeenten, each mail holding one gemeente's own data.
        var codes = await db.Programmes.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.DigestEmail != null && p.DigestEmail != "" && (p.LastDigestAt == null || p.LastDigestAt < due))
            .Select(p => p.GemeenteCode).ToListAsync(ct);
        var sent = new List<DigestMail>();
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var mail = await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var claimed = await db.Programmes.IgnoreQueryFilters()
                    .Where(p => p.GemeenteCode == code && (p.LastDigestAt == null || p.LastDigestAt < due))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestAt, now), ct);
                if (claimed == 0)
                {
                    return null;
                }
                var programme = await db.Programmes.IgnoreQueryFilters().AsNoTracking().FirstAsync(p => p.GemeenteCode == code, ct);
                var actions = await db.ProgrammeActions.IgnoreQueryFilters().AsNoTracking().Where(a => a.GemeenteCode == code).ToListAsync(ct);
                var agreements = await db.PartnerAgreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.GemeenteCode == code).ToListAsync(ct);
                var overview = DeadlineOverview.Compute(actions, agreements, today);
                DigestMail? composed = null;
                if (!overview.IsEmpty && !string.IsNullOrWhiteSpace(programme.DigestEmail))
                {
                    var name = reference.Gemeente(code)?.Name ?? code;
                    var (subject, body) = Compose(code, name, overview, baseUrl);
                    composed = new DigestMail(code, programme.DigestEmail.Trim(), subject, body);
                    var message = EmailOutbox.Enqueue(db, composed.To, subject, body);
                    (message.CreatedAt, message.NextAttemptAt) = (now, now);
                    await db.SaveChangesAsync(ct);
                }
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

    public static string Subject(string gemeenteName, DeadlineOverview overview)
        => $"Weerbaarheidsprogramma {gemeenteName}: {overview.OverdueCount} {(overview.OverdueCount == 1 ? "termijn" : "termijnen")} verlopen, {overview.UpcomingCount} komende";

    /// <summary>The Dutch text: what is overdue, what comes in the horizon, each with its owner and a link. No names of who recorded what.</summary>
    public static (string Subject, string Body) Compose(string code, string gemeenteName, DeadlineOverview overview, string baseUrl)
    {
        string Link(int number) => $"{baseUrl}/gemeenten/{code}/programma/acties/{number}";
        static string When(int days) => TrackingText.When(days);
        var b = new StringBuilder();
        b.AppendLine($"Overzicht van de termijnen van het weerbaarheidsprogramma van {gemeenteName} op {TrackingText.Date(overview.Today)}.");
        b.AppendLine();
        void Deadlines(string title, IReadOnlyList<DeadlineItem> items)
        {
            if (items.Count == 0)
            {
                return;
            }
            b.AppendLine($"{title} ({items.Count})");
            foreach (var d in items)
            {
                b.AppendLine($"- A-{d.Number} {d.Title}: termijn {TrackingText.Date(d.Deadline)} ({When(d.Days)}), status {ActionStatus.Label(d.Status).ToLowerInvariant()}, eigenaar {d.Owner}.");
                b.AppendLine($"  {Link(d.Number)}");
            }
            b.AppendLine();
        }
        void Milestones(string title, IEnumerable<MilestoneItem> items)
        {
            var list = items.ToList();
            if (list.Count == 0)
            {
                return;
            }
            b.AppendLine($"{title} ({list.Count})");
            foreach (var m in list)
            {
                b.AppendLine($"- Mijlpaal ‘{m.Name}’ van A-{m.Number} {m.ActionTitle}: {TrackingText.Date(m.Date)} ({When(m.Days)}), eigenaar {m.Owner}.");
                b.AppendLine($"  {Link(m.Number)}");
            }
            b.AppendLine();
        }
        void Agreements(string title, IEnumerable<AgreementItem> items)
        {
            var list = items.ToList();
            if (list.Count == 0)
            {
                return;
            }
            b.AppendLine($"{title} ({list.Count})");
            foreach (var a in list)
            {
                var actions = a.ActionNumbers.Count == 0 ? "" : $", bij {string.Join(", ", a.ActionNumbers.Select(n => $"A-{n}"))}";
                b.AppendLine($"- Afspraak met {a.Partner} over {a.Subject}: herzien {TrackingText.Date(a.ReviewDate)} ({When(a.Days)}){actions}.");
                foreach (var n in a.ActionNumbers)
                {
                    b.AppendLine($"  {Link(n)}");
                }
            }
            b.AppendLine();
        }
        Deadlines("Verlopen termijnen", overview.Overdue);
        Milestones("Verlopen mijlpalen", overview.Milestones.Where(m => m.Overdue));
        Agreements("Partnerafspraken waarvan de herziening verlopen is", overview.Agreements.Where(a => a.Overdue));
        Deadlines($"Termijnen in de komende {overview.HorizonDays} dagen", overview.Upcoming);
        Milestones($"Mijlpalen in de komende {overview.HorizonDays} dagen", overview.Milestones.Where(m => !m.Overdue));
        Agreements($"Partnerafspraken te herzien in de komende {overview.HorizonDays} dagen", overview.Agreements.Where(a => !a.Overdue));
        b.AppendLine($"Alle termijnen: {baseUrl}/gemeenten/{code}/programma/termijnen");
        b.AppendLine();
        b.AppendLine("U ontvangt dit wekelijkse overzicht omdat dit adres in de instellingen van het programma staat. Wijzig of verwijder het adres daar:");
        b.AppendLine($"{baseUrl}/gemeenten/{code}/programma/instellingen");
        return (Subject(gemeenteName, overview), b.ToString());
    }
}

/// <summary>Looks every few minutes whether a weekly digest is due (<see cref="DigestOptions.IntervalMinutes"/>; 0 switches it off).</summary>
public sealed class ProgrammeDigestWorker(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<ProgrammeDigestWorker> logger)
    : ScheduledMailWorker(scopes, options, clock, logger)
{
    protected override string What => "wekelijkse programma-overzichten";

    protected override async Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
        => (await services.GetRequiredService<ProgrammeDigest>().RunAsync(now, ct)).Count;
}
