namespace Weerbaar.Web.Features.Scan.Monitoring;

/// <summary>When a response was started and (if it is submitted now) when it was submitted.</summary>
public sealed record ResponseDates(DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt);

/// <summary>One day of the fieldwork: started and submitted that day, and the running totals up to and including it.</summary>
public sealed record TimelineDay(DateOnly Day, int Started, int Submitted, int StartedTotal, int SubmittedTotal);

/// <summary>Responses over time: per calendar day (Dutch time) from the opening of a round to its closing, or today.</summary>
public static class ResponseTimeline
{
    /// <summary>
    /// One row per day from <paramref name="opensOn"/> to <paramref name="closesOn"/>, or to <paramref name="today"/> when
    /// the round is still running. A response dated outside that period (an import with an earlier ingevuld_op) widens
    /// the period, so the last running total always equals the number of responses. An imported response was created
    /// after it was filled in; it counts as started on the earlier of the two dates.
    /// </summary>
    public static IReadOnlyList<TimelineDay> Compute(DateOnly opensOn, DateOnly closesOn, DateOnly today, IEnumerable<ResponseDates> responses, TimeZoneInfo zone)
    {
        DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

        var started = new List<DateOnly>();
        var submitted = new List<DateOnly>();
        foreach (var r in responses)
        {
            started.Add(DayOf(r.SubmittedAt is { } s && s < r.CreatedAt ? s : r.CreatedAt));
            if (r.SubmittedAt is { } at)
            {
                submitted.Add(DayOf(at));
            }
        }

        var first = opensOn;
        var last = closesOn < today ? closesOn : today;
        foreach (var day in started.Concat(submitted))
        {
            first = day < first ? day : first;
            last = day > last ? day : last;
        }
        if (last < first)
        {
            last = first;
        }

        var startedPerDay = started.CountBy(d => d).ToDictionary();
        var submittedPerDay = submitted.CountBy(d => d).ToDictionary();
        var days = new List<TimelineDay>(last.DayNumber - first.DayNumber + 1);
        int startedTotal = 0, submittedTotal = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var s = startedPerDay.GetValueOrDefault(day);
            var d = submittedPerDay.GetValueOrDefault(day);
            startedTotal += s;
            submittedTotal += d;
            days.Add(new TimelineDay(day, s, d, startedTotal, submittedTotal));
        }
        return days;
    }
}
