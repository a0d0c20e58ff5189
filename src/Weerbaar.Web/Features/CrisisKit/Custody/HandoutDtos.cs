namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <param name="State">current, superseded (a newer version exists), stale (the data in it changed), replaced or returned.</param>
/// <param name="MustBeReplaced">Held, but not the current content: "moet vervangen worden".</param>
/// <param name="LatestNumber">The newest version of this pack and edition.</param>
public sealed record HandoutDto(
    Guid Id, Guid NoodsteunpuntId, string NoodsteunpuntName, bool WithRegister, int Number, string RecipientName, string? RecipientRole, string? Note,
    DateOnly HandedOutOn, string RecordedBy, DateOnly? ReplacedOn, Guid? ReplacedById, DateOnly? ReturnedOn, string State, bool MustBeReplaced, int? LatestNumber)
{
    public static HandoutDto Of(PackHandout h, CustodyOverview o)
    {
        var state = o.State(h);
        return new(h.Id, h.NoodsteunpuntId, o.PointName(h.NoodsteunpuntId), h.WithRegister, h.PackNumber, h.RecipientName, h.RecipientRole, h.Note,
            h.HandedOutOn, h.RecordedBy, h.ReplacedOn, h.ReplacedById, h.ReturnedOn, StateCode(state), ReprintDue.MustBeReplaced(state),
            o.Latest.GetValueOrDefault(new PackKey(h.NoodsteunpuntId, h.WithRegister))?.Number);
    }

    public static string StateCode(HandoutState s) => s switch
    {
        HandoutState.Current => "current",
        HandoutState.Superseded => "superseded",
        HandoutState.Stale => "stale",
        HandoutState.Replaced => "replaced",
        _ => "returned",
    };
}

/// <param name="HandedOutOn">The day it was handed out; empty is today.</param>
public sealed record HandoutRequest(string? RecipientName, string? RecipientRole, string? Note, DateOnly? HandedOutOn);

/// <param name="ReturnedOn">The day it was taken back; empty is today.</param>
public sealed record HandoutReturnRequest(DateOnly? ReturnedOn);

/// <param name="Version">The version you last fetched (0 while nothing was stored).</param>
public sealed record ReprintScheduleRequest(int? IntervalMonths, string? ReminderEmail, int? Version);

/// <param name="Due">The packs to reprint now, as this reader sees them.</param>
public sealed record ReprintScheduleDto(int IntervalMonths, string? ReminderEmail, int Version, string? UpdatedBy, DateTimeOffset? UpdatedAt, DateTimeOffset? LastReminderAt, IReadOnlyList<ReprintItemDto> Due)
{
    public static ReprintScheduleDto Of(CustodyOverview o) => new(o.Schedule.IntervalMonths, o.Schedule.ReminderEmail, o.Schedule.Version,
        o.Schedule.Version == 0 ? null : o.Schedule.UpdatedBy, o.Schedule.Version == 0 ? null : o.Schedule.UpdatedAt, o.Schedule.LastReminderAt,
        [.. o.Due.Select(d => new ReprintItemDto(d.Pack.NoodsteunpuntId, o.PointName(d.Pack.NoodsteunpuntId), d.Pack.WithRegister, d.Holders, d.Reasons, d.DueSince))]);
}

public sealed record ReprintItemDto(Guid NoodsteunpuntId, string NoodsteunpuntName, bool WithRegister, int Holders, IReadOnlyList<string> Reasons, DateTimeOffset DueSince);
