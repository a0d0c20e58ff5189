using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>How often a gemeente reprints its packs, and where the reminder goes. No row: every 6 months, no e-mail.</summary>
public sealed class PackReprintSchedule : ITenantOwned
{
    public const int DefaultMonths = 6;
    public const int MaxMonths = 36;
    public const int MaxEmail = 254;

    public required string GemeenteCode { get; set; }
    public int IntervalMonths { get; set; } = DefaultMonths;
    public string? ReminderEmail { get; set; }
    /// <summary>When the last reminder was claimed (UTC): one mail per moment something became due.</summary>
    public DateTimeOffset? LastReminderAt { get; set; }
    /// <summary>Optimistic concurrency: two coordinators do not overwrite each other unseen.</summary>
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
