using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Operations;

namespace Weerbaar.Web.Features.Email;

/// <summary>
/// Sends outbox messages with retries. Rows are claimed before sending (on PostgreSQL with
/// FOR UPDATE SKIP LOCKED) so several instances never send the same message twice.
/// </summary>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, IConfiguration config, IHostEnvironment env,
    ILogger<OutboxWorker> logger, TimeProvider clock, WeerbaarMetrics metrics) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Verzenden van uitgaande e-mail mislukt; volgende poging over {Seconds} s", PollInterval.TotalSeconds);
            }
            try
            {
                await Task.Delay(PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many messages were handled.</returns>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await ClaimAsync(db, ct);
        foreach (var message in batch)
        {
            // One span per message: its id and how it went out, never the address or the subject.
            using var activity = WeerbaarActivities.Email.StartActivity("mail send", System.Diagnostics.ActivityKind.Client);
            activity?.SetTag("weerbaar.mail.id", message.Id);
            activity?.SetTag("weerbaar.mail.attempt", message.Attempts + 1);
            activity?.SetTag("weerbaar.mail.transport", string.IsNullOrWhiteSpace(options.Value.SmtpHost) ? "pickup" : "smtp");
            try
            {
                message.PickupFile = await DeliverAsync(message, ct);
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                metrics.MailSent(ok: true);
            }
            catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                metrics.MailSent(ok: false);
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
                message.Attempts++;
                message.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                // Exponential back-off: 30 s, 1 min, 2 min, … ; after MaxAttempts it stays failed for an admin to see.
                message.NextAttemptAt = message.Attempts >= options.Value.MaxAttempts
                    ? clock.GetUtcNow().AddYears(100)
                    : clock.GetUtcNow().AddSeconds(30 * Math.Pow(2, message.Attempts - 1));
                logger.LogWarning("E-mail {Id} niet verzonden (poging {Attempt}): {Error}", message.Id, message.Attempts, LogText.Clean(message.LastError));
            }
            message.ClaimedUntil = null;
            await db.SaveChangesAsync(ct);
        }
        return batch.Count;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.Add(ClaimDuration);
        if (db.Database.IsNpgsql())
        {
            return await db.OutboxMessages.FromSqlInterpolated($"""
                UPDATE "OutboxMessages" SET "ClaimedUntil" = {until}
                WHERE "Id" IN (
                  SELECT "Id" FROM "OutboxMessages"
                  WHERE "SentAt" IS NULL AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                  ORDER BY "Id" LIMIT 20 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsTracking().ToListAsync(ct);
        }
        // SQLite has a single writer: a claim inside one transaction is enough.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(20).ToListAsync(ct);
        foreach (var m in batch)
        {
            m.ClaimedUntil = until;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch;
    }

    private async Task<string?> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var dir = PickupDirectory(o, config, env);
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{message.CreatedAt:yyyyMMdd-HHmmss}-{message.Id}.eml");
            await File.WriteAllTextAsync(file, EmlWriter.Format(o.From, message.To, message.Subject, message.Body, clock.GetUtcNow(), message.Id), ct);
            return Path.GetFileName(file);
        }
        using var smtp = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpSsl };
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            smtp.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        }
        using var mail = new MailMessage(MailAddress(o.From), MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.Body,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        await smtp.SendMailAsync(mail, ct);
        return null;
    }

    private static MailAddress MailAddress(string value) => new(value);

    public static string PickupDirectory(EmailOptions o, IConfiguration config, IHostEnvironment env)
        => string.IsNullOrWhiteSpace(o.PickupDirectory)
            ? Path.Combine(DatabaseSetup.DataDirectory(config, env), "mail")
            : Path.GetFullPath(o.PickupDirectory);
}
