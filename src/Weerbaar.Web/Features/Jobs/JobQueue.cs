using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Jobs;

/// <summary>
/// Adds, reads and cancels jobs. It does not check who may see a job: callers do, with <see cref="JobAccess"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue of jobs; the name says so.")]
public sealed class JobQueue(AppDbContext db, JobSignal signal, TimeProvider clock)
{
    /// <summary>Stores a queued job (committed before it returns) and wakes this node's worker.</summary>
    public async Task<BackgroundJob> EnqueueAsync(string kind, string? gemeenteCode, string inputJson, string requestedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        if (kind.Length > BackgroundJob.MaxKind)
        {
            throw new ArgumentException($"Kind is langer dan {BackgroundJob.MaxKind} tekens.", nameof(kind));
        }
        var job = new BackgroundJob
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            GemeenteCode = string.IsNullOrWhiteSpace(gemeenteCode) ? null : gemeenteCode.ToUpperInvariant(),
            InputJson = inputJson,
            RequestedBy = requestedBy.Length > 256 ? requestedBy[..256] : requestedBy,
            CreatedAt = clock.GetUtcNow(),
        };
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.Entry(job).State = EntityState.Detached;
        signal.Wake();
        return job;
    }

    public Task<BackgroundJob?> GetAsync(Guid id, CancellationToken ct = default)
        => db.BackgroundJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>The newest jobs of a kind for a gemeente (null: national jobs), newest first.</summary>
    public Task<List<BackgroundJob>> ListAsync(string kind, string? gemeenteCode, int take = 20, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(gemeenteCode) ? null : gemeenteCode.ToUpperInvariant();
        return db.BackgroundJobs.AsNoTracking()
            .Where(j => j.Kind == kind && j.GemeenteCode == code)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A queued job is cancelled at once; a running one is asked to stop (its worker sees the flag within a heartbeat and
    /// marks it cancelled). False when the job does not exist or has already finished.
    /// </summary>
    public async Task<bool> RequestCancelAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var queued = await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.FinishedAt, now), ct);
        if (queued > 0)
        {
            return true;
        }
        var running = await db.BackgroundJobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        return running > 0;
    }
}

/// <summary>Wakes this node's <see cref="JobWorker"/> when a job is queued here, so a small job does not wait for the poll.</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <returns>True when woken, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);

    public void Dispose() => _semaphore.Dispose();
}
