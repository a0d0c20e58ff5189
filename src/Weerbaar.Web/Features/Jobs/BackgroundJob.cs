namespace Weerbaar.Web.Features.Jobs;

/// <summary>
/// Long work (a siting run, a batch of crisis-kit packs) as a row: who asked, what, how far, and the result.
/// <see cref="JobQueue"/> adds and cancels jobs; <see cref="JobWorker"/> claims and runs them.
/// </summary>
/// <remarks>
/// Not <see cref="Data.ITenantOwned"/>: a job may belong to no gemeente (a national run), which the tenant query filter
/// cannot express, and the worker reads across tenants anyway. Callers check access with <see cref="JobAccess"/>.
/// </remarks>
public sealed class BackgroundJob
{
    public const int MaxKind = 50;
    public const int MaxProgressText = 500;
    public const int MaxError = 1000;

    public Guid Id { get; set; }
    /// <summary>Which <see cref="IJobHandler"/> runs it, e.g. "siting".</summary>
    public required string Kind { get; set; }
    /// <summary>The gemeente the job works for; null for national work.</summary>
    public string? GemeenteCode { get; set; }
    /// <summary>One of <see cref="JobStatus"/>.</summary>
    public string Status { get; set; } = JobStatus.Queued;
    /// <summary>0 to 1.</summary>
    public double Progress { get; set; }
    /// <summary>What the job is doing now, in Dutch, for the user.</summary>
    public string? ProgressText { get; set; }
    public required string InputJson { get; set; }
    public string? ResultJson { get; set; }
    /// <summary>Why the job failed, in Dutch, for the user (never a stack trace).</summary>
    public string? Error { get; set; }
    /// <summary>The user name (e-mail) of who asked.</summary>
    public required string RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the current (last) run started.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Written by the running worker every second or so; a running job without a recent heartbeat was abandoned.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public bool CancelRequested { get; set; }
    /// <summary>The node (<see cref="JobWorker.NodeId"/>) running it.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>How often a run was abandoned (no heartbeat) and the job put back in the queue.</summary>
    public int Attempts { get; set; }

    public bool IsFinished => JobStatus.IsFinished(Status);
}

public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string status) => status is Done or Failed or Cancelled;

    /// <summary>The status in Dutch, for people.</summary>
    public static string Dutch(string status) => status switch
    {
        Queued => "In de wachtrij",
        Running => "Bezig",
        Done => "Klaar",
        Failed => "Mislukt",
        Cancelled => "Afgebroken",
        _ => status,
    };
}
