namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>A new status update; <paramref name="Evidence"/> is required for "afgerond", <paramref name="Note"/> for "vertraagd" and "gestopt".</summary>
public sealed record StatusUpdateRequest(DateOnly? Date, string? Status, string? Note, string? Evidence)
{
    public StatusUpdateInput ToInput() => new(Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Status, Note, Evidence);

    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [StatusUpdateRecorder.Fields.Date] = "date",
        [StatusUpdateRecorder.Fields.Status] = "status",
        [StatusUpdateRecorder.Fields.Note] = "note",
        [StatusUpdateRecorder.Fields.Evidence] = "evidence",
    };
}

public sealed record StatusUpdateDto(DateOnly Date, string Status, string StatusLabel, string? Note, string? Evidence, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static StatusUpdateDto Of(ActionStatusUpdate u) => new(u.Date, u.Status, ActionStatus.Label(u.Status), u.Note, u.Evidence, u.RecordedBy, u.RecordedAt);
}

/// <summary>An action's current status and its history of updates, newest first.</summary>
public sealed record StatusHistoryDto(
    string Gemeentecode, int Number, string Label, string Title, string Status, string StatusLabel, DateOnly? CompletedOn, int Version,
    IReadOnlyList<StatusUpdateDto> Updates)
{
    public static StatusHistoryDto Of(ProgrammeAction a, IEnumerable<ActionStatusUpdate> updates) => new(
        a.GemeenteCode, a.Number, a.Label, a.Title, a.Status, ActionStatus.Label(a.Status), a.CompletedOn, a.Version, [.. updates.Select(StatusUpdateDto.Of)]);
}

public sealed record ReviewRequest(string? Period, DateOnly? HeldOn, string? Summary)
{
    public ReviewInput ToInput() => new(Period, HeldOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Summary);

    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>
    {
        [ReviewRecorder.Fields.Period] = "period",
        [ReviewRecorder.Fields.HeldOn] = "heldOn",
        [ReviewRecorder.Fields.Summary] = "summary",
    };
}

/// <summary>A review; <see cref="Snapshot"/> only when one review is asked for.</summary>
public sealed record ReviewDto(int Number, string Period, DateOnly HeldOn, string? Summary, string RecordedBy, DateTimeOffset RecordedAt, ReviewSnapshot? Snapshot)
{
    public static ReviewDto Of(ProgrammeReview r, bool withSnapshot)
        => new(r.Number, r.Period, r.HeldOn, r.Summary, r.RecordedBy, r.RecordedAt, withSnapshot ? ReviewSnapshot.FromJson(r.SnapshotJson) : null);
}

public sealed record ReviewListDto(string Gemeentecode, DateOnly NextReviewDue, int ReviewCycleMonths, IReadOnlyList<ReviewDto> Reviews);

public sealed record ProgressDto(string Gemeentecode, IReadOnlyList<PillarProgressRow> Pillars, ScanTrend ScanTrend);
