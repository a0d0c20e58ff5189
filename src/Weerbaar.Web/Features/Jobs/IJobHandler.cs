namespace Weerbaar.Web.Features.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>. Registered with <see cref="JobsSetup.AddJobHandler{T}"/> (scoped: one
/// instance per run, resolved from the run's own scope).
/// </summary>
public interface IJobHandler
{
    /// <summary>The <see cref="BackgroundJob.Kind"/> this handler runs, e.g. "siting".</summary>
    string Kind { get; }

    /// <summary>
    /// Does the work and returns the result as JSON (stored in <see cref="BackgroundJob.ResultJson"/>). Report progress
    /// through <paramref name="context"/>; stop when <paramref name="ct"/> trips (the user cancelled or the app stops) by
    /// throwing <see cref="OperationCanceledException"/>. Throw <see cref="JobFailedException"/> for a failure the user
    /// should read; any other exception fails the job with a generic message.
    /// </summary>
    Task<string> RunAsync(JobContext context, CancellationToken ct);
}

/// <summary>A failure whose (Dutch) message the user may read, e.g. "Er zijn geen noodsteunpunten om uit te kiezen."</summary>
public sealed class JobFailedException(string dutchMessage) : Exception(dutchMessage);
