using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Scan.Mail;
using Weerbaar.Web.Features.Scan.Rounds;
using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Scan.Invitations;

/// <summary>
/// The clock of open rounds: closes a round after its closing day, and sends the scheduled reminders (by default 14
/// and 3 days before closing). A day that has come is handled once: when the app was down on several reminder days,
/// one reminder goes, not several. Several nodes run this schedule: a due day is claimed by one conditional update
/// of RemindersDone in the transaction that queues the reminders, so only one node queues them.
/// </summary>
public sealed class ReminderScheduler(AppDbContext db, InvitationSender sender, ScanMailer mailer, RoundLifecycle lifecycle, TimeProvider clock,
    Operations.WeerbaarMetrics metrics)
{
    public static IReadOnlyList<int> DueDays(ScanRound round, DateOnly today)
        => round.Status != RoundStatus.Open || today > round.ClosesOn
            ? []
            : round.ReminderDays.Where(d => !round.RemindersDone.Contains(d) && today >= round.ClosesOn.AddDays(-d)).Order().ToList();

    /// <returns>How many reminders were queued.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        metrics.ReminderRun("scan-reminders");
        var today = Format.Today(clock);
        foreach (var expired in await db.ScanRounds.Where(r => r.Status == RoundStatus.Open && r.ClosesOn < today).Select(r => r.Id).ToListAsync(ct))
        {
            await lifecycle.ChangeAsync(expired, nameof(RoundStatus.Gesloten), null, ct);
        }
        db.ChangeTracker.Clear();
        var total = 0;
        foreach (var id in await db.ScanRounds.Where(r => r.Status == RoundStatus.Open).Select(r => r.Id).ToListAsync(ct))
        {
            var strategy = db.Database.CreateExecutionStrategy();
            total += await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var round = await db.ScanRounds.FirstAsync(r => r.Id == id, ct);
                var due = DueDays(round, today);
                if (due.Count == 0)
                {
                    return 0;
                }
                var seen = round.RemindersDone;
                List<int> done = [.. seen, .. due];
                var claimed = await db.ScanRounds.Where(r => r.Id == id && r.RemindersDone == seen)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.RemindersDone, done), ct);
                if (claimed == 0)
                {
                    db.ChangeTracker.Clear();
                    return 0;
                }
                var reminded = await sender.RemindAsync(round, null, mailer.BaseUrl(null), ct);
                round.RemindersDone = done;
                db.Entry(round).Property(r => r.RemindersDone).IsModified = false;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return reminded.Count;
            });
        }
        return total;
    }
}

/// <summary>Runs the reminder schedule every few minutes (Weerbaar:Scan:ReminderIntervalMinutes, default 15; 0 switches it off).</summary>
public sealed class ReminderWorker(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Weerbaar:Scan:ReminderIntervalMinutes", 15.0);
        if (minutes <= 0)
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(minutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RunAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("{Count} herinneringen in de wachtrij gezet", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Herinneringen versturen mislukt; volgende poging over {Minutes} min", interval.TotalMinutes);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
