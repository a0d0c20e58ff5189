using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.Jobs;

/// <summary>Dutch texts about a job for people (job-poll.js has the same rules for the live update).</summary>
public static class JobText
{
    /// <summary>"12 s", "3 min 4 s", "1 uur 2 min".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        var seconds = (long)span.TotalSeconds;
        return seconds switch
        {
            < 60 => $"{seconds} s",
            < 3600 => $"{seconds / 60} min {seconds % 60} s",
            _ => $"{seconds / 3600} uur {seconds % 3600 / 60} min",
        };
    }

    /// <summary>How long the job has waited, run or took: "In de wachtrij sinds 4 s", "Bezig sinds 1 min 2 s", "Duur: 9 s".</summary>
    public static string Elapsed(BackgroundJob job, DateTimeOffset now) => job.Status switch
    {
        JobStatus.Queued => "In de wachtrij sinds " + Duration(now - job.CreatedAt),
        JobStatus.Running => "Bezig sinds " + Duration(now - (job.StartedAt ?? job.CreatedAt)),
        _ when job.StartedAt is { } started && job.FinishedAt is { } finished => "Duur: " + Duration(finished - started),
        _ => "",
    };

    public static string Percent(double progress) => Format.Percent(Math.Clamp(progress, 0, 1), 0);
}
