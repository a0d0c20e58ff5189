namespace Weerbaar.Web.Features.Jobs;

/// <summary>Settings under <c>Weerbaar:Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Weerbaar:Jobs";

    /// <summary>Whether this node runs the worker loop (tests turn it off and drive <see cref="JobWorker"/> themselves).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often an idle worker looks for queued jobs; an enqueue on the same node wakes it at once.</summary>
    public int PollMilliseconds { get; set; } = 500;
    /// <summary>How often a running job writes its heartbeat and checks whether it was cancelled.</summary>
    public int HeartbeatMilliseconds { get; set; } = 1000;
    /// <summary>A running job without a heartbeat for this long was abandoned (its node died) and is queued again.</summary>
    public int StaleAfterSeconds { get; set; } = 30;
    /// <summary>After this many abandoned runs the job fails instead of being queued again.</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>Progress is written at most this often (ms); a solver callback may report far more often.</summary>
    public int ProgressWriteMilliseconds { get; set; } = 250;
    /// <summary>The name of this node in <see cref="BackgroundJob.ClaimedBy"/>; default machine name, process id and a random suffix.</summary>
    public string? NodeId { get; set; }
}
