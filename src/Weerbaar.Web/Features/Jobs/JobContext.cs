using System.Text.Json;

namespace Weerbaar.Web.Features.Jobs;

/// <summary>What a running <see cref="IJobHandler"/> gets: its job, its own service scope, progress reporting and cancellation.</summary>
public sealed class JobContext
{
    private readonly JobProgressWriter _progress;

    internal JobContext(BackgroundJob job, IServiceProvider services, JobProgressWriter progress, CancellationToken cancellationToken)
    {
        Id = job.Id;
        Kind = job.Kind;
        InputJson = job.InputJson;
        GemeenteCode = job.GemeenteCode;
        RequestedBy = job.RequestedBy;
        Attempts = job.Attempts;
        Services = services;
        CancellationToken = cancellationToken;
        _progress = progress;
    }

    public Guid Id { get; }
    public string Kind { get; }
    public string InputJson { get; }
    public string? GemeenteCode { get; }
    public string RequestedBy { get; }
    /// <summary>How often an earlier run of this job was abandoned (0 on the first run): a handler may resume from saved state.</summary>
    public int Attempts { get; }
    /// <summary>The run's own scope (an AppDbContext of its own; no user: tenant-owned rows need IgnoreQueryFilters()).</summary>
    public IServiceProvider Services { get; }
    /// <summary>Trips when the user cancels the job (seen within a heartbeat) or the app stops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The input as <typeparamref name="T"/> (web JSON conventions: camelCase).</summary>
    public T Input<T>() => JsonSerializer.Deserialize<T>(InputJson, JsonSerializerOptions.Web)
        ?? throw new JobFailedException("De invoer van de taak ontbreekt.");

    /// <summary>
    /// Records progress (0–1, clamped) and an optional Dutch text, and writes it when the last write is at least
    /// <see cref="JobOptions.ProgressWriteMilliseconds"/> ago; otherwise the next write or heartbeat stores it. Cheap
    /// enough to call from every solver callback.
    /// </summary>
    public Task ReportAsync(double progress, string? text = null) => _progress.ReportAsync(progress, text, write: true);

    /// <summary>Records progress without writing; the next heartbeat (about a second) stores it. For synchronous callbacks.</summary>
    public void Report(double progress, string? text = null) => _ = _progress.ReportAsync(progress, text, write: false);
}
