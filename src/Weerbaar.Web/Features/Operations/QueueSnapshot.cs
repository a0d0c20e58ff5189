using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Jobs;

namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// Queued jobs per kind and the outbox backlog for the observable gauges: read from the database at most once per
/// <see cref="MaxAge"/>, so a scraper polling every second does not query it every time. A failed read keeps the last values.
/// </summary>
public sealed class QueueSnapshot(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QueueSnapshot> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private IReadOnlyList<(string Kind, int Count)> _jobs = [];
    private int _outbox;

    /// <summary>How many times the database was read (for the cache test).</summary>
    public int Reads { get; private set; }

    public IEnumerable<Measurement<int>> QueuedJobs()
    {
        Refresh();
        return _jobs.Select(j => new Measurement<int>(j.Count, new KeyValuePair<string, object?>("kind", j.Kind)));
    }

    public int OutboxBacklog()
    {
        Refresh();
        return _outbox;
    }

    private void Refresh()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _readAt < MaxAge)
            {
                return;
            }
            _readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                // The collect callback is synchronous; these are two small indexed counts.
                _jobs = db.BackgroundJobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued)
                    .GroupBy(j => j.Kind).Select(g => new { g.Key, Count = g.Count() }).ToList()
                    .Select(g => (g.Key, g.Count)).ToList();
                _outbox = db.OutboxMessages.AsNoTracking().Count(m => m.SentAt == null);
                Reads++;
            }
            catch (ObjectDisposedException)
            {
                // The app is stopping: the exporter's last flush reads the gauges after the services are gone.
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning("Wachtrijen voor de metrics niet gelezen: {Error}", ex.GetType().Name);
            }
        }
    }
}
