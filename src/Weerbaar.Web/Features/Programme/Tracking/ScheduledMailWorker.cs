using Microsoft.Extensions.Options;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>
/// Runs a scheduled mail task (the programme digest, the crisis-kit reprint reminder) every
/// <see cref="DigestOptions.IntervalMinutes"/> (0 switches it off), each run in its own scope; a failed run is logged and
/// tried again the next round. The task itself claims what it sends, so several nodes may run it.
/// </summary>
public abstract class ScheduledMailWorker(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>What the task queues, in Dutch plural, for the log.</summary>
    protected abstract string What { get; }

    /// <returns>How many mails were queued.</returns>
    protected abstract Task<int> RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalMinutes <= 0)
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await RunAsync(scope.ServiceProvider, clock.GetUtcNow(), stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("{Count} {What} in de wachtrij gezet", sent, What);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{What} versturen mislukt; volgende poging over {Minutes} min", What, interval.TotalMinutes);
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
