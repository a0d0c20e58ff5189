using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Jobs;

/// <summary>
/// The bookkeeping of one run: progress reported by the handler and the heartbeat, both written with one conditional
/// UPDATE that only touches the row while this node still owns the run. Writes are serialised and each uses a
/// DbContext of its own, so they never share one with the handler.
/// </summary>
internal sealed class JobProgressWriter(Guid id, string node, IServiceScopeFactory scopes, TimeProvider clock, TimeSpan throttle) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _lock = new();
    private double _progress;
    private string? _text;
    private bool _dirty;
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    public async Task ReportAsync(double progress, string? text, bool write)
    {
        lock (_lock)
        {
            _progress = double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : 0;
            _text = text is { Length: > BackgroundJob.MaxProgressText } ? text[..BackgroundJob.MaxProgressText] : text;
            _dirty = true;
            if (!write || clock.GetUtcNow() - _lastWrite < throttle)
            {
                return;
            }
        }
        await WriteAsync(heartbeat: false, CancellationToken.None);
    }

    /// <summary>Writes pending progress (and the heartbeat); false when the row is no longer this node's running job.</summary>
    public async Task<bool> WriteAsync(bool heartbeat, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            double progress;
            string? text;
            bool dirty;
            var now = clock.GetUtcNow();
            lock (_lock)
            {
                (progress, text, dirty) = (_progress, _text, _dirty);
                _dirty = false;
                _lastWrite = now;
            }
            if (!dirty && !heartbeat)
            {
                return true;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.BackgroundJobs
                .Where(j => j.Id == id && j.ClaimedBy == node && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s =>
                {
                    if (heartbeat)
                    {
                        s.SetProperty(j => j.HeartbeatAt, now);
                    }
                    if (dirty)
                    {
                        s.SetProperty(j => j.Progress, progress).SetProperty(j => j.ProgressText, text);
                    }
                }, ct);
            return rows == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
