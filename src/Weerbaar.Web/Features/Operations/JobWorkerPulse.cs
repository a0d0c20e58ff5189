namespace Weerbaar.Web.Features.Operations;

/// <summary>When the job worker's loop last looked for work (or a running job last beat), for the readiness check.</summary>
public sealed class JobWorkerPulse(TimeProvider clock)
{
    private long _ticks;

    public DateTimeOffset CreatedAt { get; } = clock.GetUtcNow();

    public DateTimeOffset? LastBeat => Interlocked.Read(ref _ticks) is var t && t == 0 ? null : new DateTimeOffset(t, TimeSpan.Zero);

    public void Beat() => Interlocked.Exchange(ref _ticks, clock.GetUtcNow().UtcTicks);
}
