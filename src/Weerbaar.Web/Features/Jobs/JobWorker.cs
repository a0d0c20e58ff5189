using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Operations;

namespace Weerbaar.Web.Features.Jobs;

/// <summary>
/// Runs queued jobs, one at a time per node. A job is claimed with one atomic statement (on PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>, on SQLite a conditional UPDATE), so several nodes never run the same job; while it
/// runs the worker writes a heartbeat and polls the cancel flag. A running job whose heartbeat stopped (its node died)
/// is queued again, at most <see cref="JobOptions.MaxAttempts"/> times; a graceful stop queues it again at once.
/// </summary>
public sealed class JobWorker(
    IServiceScopeFactory scopes, JobSignal signal, IOptions<JobOptions> options, ILogger<JobWorker> logger, TimeProvider clock,
    WeerbaarMetrics metrics, JobWorkerPulse pulse) : BackgroundService
{
    public const string GenericError = "De taak is mislukt door een onverwachte fout. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.";
    public const string AbandonedError = "De taak is drie keer afgebroken voordat ze klaar was (de server werd steeds gestopt). Start haar opnieuw; blijft het misgaan, neem dan contact op met de beheerder.";

    private readonly JobOptions _options = options.Value;
    private DateTimeOffset _nextStaleCheck = DateTimeOffset.MinValue;

    /// <summary>This node's name in <see cref="BackgroundJob.ClaimedBy"/>.</summary>
    public string NodeId { get; } = string.IsNullOrWhiteSpace(options.Value.NodeId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : options.Value.NodeId;

    private TimeSpan StaleAfter => TimeSpan.FromSeconds(Math.Max(1, _options.StaleAfterSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, _options.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                pulse.Beat();
                if (clock.GetUtcNow() >= _nextStaleCheck)
                {
                    await RequeueStaleAsync(stoppingToken);
                    _nextStaleCheck = clock.GetUtcNow() + StaleAfter / 2;
                }
                while (!stoppingToken.IsCancellationRequested && await RunNextAsync(stoppingToken))
                {
                }
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Achtergrondtaken: ophalen mislukt; volgende poging over {Seconds} s", poll.TotalSeconds);
                try
                {
                    await Task.Delay(poll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims the oldest queued job and runs it to its end. False when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        if (await ClaimAsync(stoppingToken) is not { } job)
        {
            return false;
        }
        await RunAsync(job, stoppingToken);
        return true;
    }

    /// <summary>Marks the oldest queued job as running on this node (progress back to 0: a run starts over) and returns it; null when none is queued.</summary>
    public async Task<BackgroundJob?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        if (db.Database.IsNpgsql())
        {
            var claimed = await db.BackgroundJobs.FromSqlInterpolated($"""
                UPDATE "BackgroundJobs"
                SET "Status" = {JobStatus.Running}, "ClaimedBy" = {NodeId}, "StartedAt" = {now}, "HeartbeatAt" = {now}, "FinishedAt" = NULL,
                  "Progress" = 0, "ProgressText" = NULL
                WHERE "Status" = {JobStatus.Queued} AND "Id" = (
                  SELECT "Id" FROM "BackgroundJobs" WHERE "Status" = {JobStatus.Queued}
                  ORDER BY "CreatedAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
            return claimed.FirstOrDefault();
        }
        // SQLite has one writer at a time: a conditional UPDATE of the candidate is atomic; whoever changes no row lost
        // the race and tries the next candidate.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = await db.BackgroundJobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued)
                .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
            if (candidate is not { } id)
            {
                return null;
            }
            var rows = await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.ClaimedBy, NodeId)
                    .SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(j => j.Progress, 0.0).SetProperty(j => j.ProgressText, (string?)null), ct);
            if (rows == 1)
            {
                return await db.BackgroundJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
            }
        }
        return null;
    }

    /// <summary>
    /// Puts running jobs whose heartbeat is older than <see cref="JobOptions.StaleAfterSeconds"/> back in the queue
    /// (or fails them after <see cref="JobOptions.MaxAttempts"/> abandoned runs, or cancels them when that was asked).
    /// </summary>
    /// <returns>How many jobs were changed.</returns>
    public async Task<int> RequeueStaleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var before = now - StaleAfter;
        var lastAttempt = Math.Max(1, _options.MaxAttempts) - 1;
        var stale = db.BackgroundJobs.Where(j => j.Status == JobStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < before));
        var cancelled = await stale.Where(j => j.CancelRequested)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ClaimedBy, (string?)null), ct);
        var failed = await stale.Where(j => !j.CancelRequested && j.Attempts >= lastAttempt)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Error, AbandonedError)
                .SetProperty(j => j.ClaimedBy, (string?)null), ct);
        var requeued = await stale.Where(j => !j.CancelRequested && j.Attempts < lastAttempt)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.ClaimedBy, (string?)null).SetProperty(j => j.ProgressText, "de vorige poging werd onderbroken; de taak begint opnieuw"), ct);
        var total = cancelled + failed + requeued;
        if (total > 0)
        {
            logger.LogWarning("Achtergrondtaken zonder hartslag: {Requeued} opnieuw in de wachtrij, {Failed} mislukt, {Cancelled} afgebroken",
                requeued, failed, cancelled);
            signal.Wake();
        }
        return total;
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        using var activity = WeerbaarActivities.Jobs.StartActivity($"job {job.Kind}");
        activity?.SetTag("weerbaar.job.kind", job.Kind);
        activity?.SetTag("weerbaar.job.id", job.Id.ToString());
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var progress = new JobProgressWriter(job.Id, NodeId, scopes, clock, TimeSpan.FromMilliseconds(Math.Max(0, _options.ProgressWriteMilliseconds)));
        using var cancel = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, cancel.Token);
        var lost = false;
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = Task.Run(async () =>
        {
            var interval = TimeSpan.FromMilliseconds(Math.Max(10, _options.HeartbeatMilliseconds));
            while (!heartbeatStop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, clock, heartbeatStop.Token);
                    pulse.Beat();
                    if (!await progress.WriteAsync(heartbeat: true, heartbeatStop.Token))
                    {
                        // Another node re-queued the job (this one looked dead): stop, and write nothing more.
                        lost = true;
                        await cancel.CancelAsync();
                        return;
                    }
                    if (await CancelRequestedAsync(job.Id, heartbeatStop.Token))
                    {
                        await cancel.CancelAsync();
                    }
                }
                catch (OperationCanceledException) when (heartbeatStop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Hartslag van achtergrondtaak {JobId} niet geschreven", job.Id);
                }
            }
        }, CancellationToken.None);

        string status;
        string? result = null;
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
            if (handler is null)
            {
                logger.LogError("Achtergrondtaak {JobId}: geen handler voor soort {Kind}", job.Id, job.Kind);
                (status, error) = (JobStatus.Failed, $"Deze server kan taken van de soort '{job.Kind}' niet uitvoeren.");
            }
            else
            {
                var context = new JobContext(job, scope.ServiceProvider, progress, linked.Token);
                result = await handler.RunAsync(context, linked.Token);
                status = JobStatus.Done;
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            status = cancel.IsCancellationRequested ? JobStatus.Cancelled : JobStatus.Queued;
        }
        catch (JobFailedException ex)
        {
            (status, error) = (JobStatus.Failed, Truncate(ex.Message, BackgroundJob.MaxError));
            logger.LogInformation("Achtergrondtaak {JobId} ({Kind}) mislukt: {Reason}", job.Id, job.Kind, error);
        }
        catch (Exception ex)
        {
            (status, error) = (JobStatus.Failed, GenericError);
            // Types and stack traces only: an exception message can carry data of the job (names, addresses).
            logger.LogError("Achtergrondtaak {JobId} ({Kind}) mislukt door een onverwachte fout: {Exception}", job.Id, job.Kind, Describe(ex));
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        metrics.JobRun(job.Kind, lost ? "lost" : status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        activity?.SetTag("weerbaar.job.status", lost ? "lost" : status);
        if (status == JobStatus.Failed)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        }
        if (lost)
        {
            logger.LogWarning("Achtergrondtaak {JobId} is door een andere node overgenomen; deze uitkomst wordt niet opgeslagen", job.Id);
            return;
        }
        await FinishAsync(job.Id, status, result, error, progress);
    }

    private async Task<bool> CancelRequestedAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.BackgroundJobs.Where(j => j.Id == id).Select(j => j.CancelRequested).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores the end of a run (not with the stopping token: a graceful stop must still put the job back).</summary>
    private async Task FinishAsync(Guid id, string status, string? result, string? error, JobProgressWriter progress)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        try
        {
            await progress.WriteAsync(heartbeat: false, ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow();
            var mine = db.BackgroundJobs.Where(j => j.Id == id && j.ClaimedBy == NodeId && j.Status == JobStatus.Running);
            var rows = status switch
            {
                JobStatus.Done => await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Done).SetProperty(j => j.ResultJson, result)
                    .SetProperty(j => j.Progress, 1.0).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Error, (string?)null), ct),
                JobStatus.Failed => await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed).SetProperty(j => j.Error, error)
                    .SetProperty(j => j.FinishedAt, now), ct),
                JobStatus.Cancelled => await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled)
                    .SetProperty(j => j.FinishedAt, now), ct),
                // The app is stopping: back in the queue, for this node after its restart or for another one now.
                _ => await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.ClaimedBy, (string?)null)
                    .SetProperty(j => j.ProgressText, "de server stopte; de taak begint opnieuw"), ct),
            };
            if (rows == 0)
            {
                logger.LogWarning("Achtergrondtaak {JobId}: einde ({Status}) niet opgeslagen; de taak is niet meer van deze node", id, status);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException)
        {
            // The heartbeat has stopped: the stale check will queue the job again.
            logger.LogError(ex, "Achtergrondtaak {JobId}: einde ({Status}) niet opgeslagen", id, status);
        }
    }

    /// <summary>The exception chain as types and stack traces, without messages.</summary>
    public static string Describe(Exception ex)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            text.Append(text.Length == 0 ? "" : " ---> ").Append(e.GetType().FullName).AppendLine().Append(e.StackTrace).AppendLine();
        }
        return text.ToString();
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
