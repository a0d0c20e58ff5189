using Weerbaar.Web.Shared;

namespace Weerbaar.Web.Features.CrisisKit.Custody;

/// <summary>One pack: a noodsteunpunt's edition (with or without the register).</summary>
public readonly record struct PackKey(Guid NoodsteunpuntId, bool WithRegister);

/// <summary>The newest version of a pack and, when known, what changed since (null: not compared, e.g. another edition than the reader's).</summary>
public sealed record LatestVersion(int Number, DateTimeOffset CreatedAt, IReadOnlyList<string>? Changed)
{
    public bool IsStale => Changed is { Count: > 0 };
}

public enum HandoutState
{
    /// <summary>Held, and the newest version with nothing changed since.</summary>
    Current,
    /// <summary>Held, but a newer version of the pack exists.</summary>
    Superseded,
    /// <summary>Held, the newest version, but the data in it changed since.</summary>
    Stale,
    Replaced,
    Returned,
}

/// <summary>A pack to reprint and why; <paramref name="DueSince"/> is the moment it became due (UTC).</summary>
public sealed record ReprintItem(PackKey Pack, int Holders, IReadOnlyList<string> Reasons, DateTimeOffset DueSince);

/// <summary>
/// When packs must be reprinted. A pack (noodsteunpunt and edition) still in someone's hands is due when its newest
/// held copy was handed out <c>months</c> months ago or longer (on the same day of the month; the 31st becomes the
/// month's last day), when a holder has an older version than the newest, or when the newest version no longer matches
/// the data. The moment it became due is midnight in Amsterdam of the due day, or when the newest version was made.
/// </summary>
public static class ReprintDue
{
    public static DateOnly DueOn(DateOnly newestHandout, int months) => newestHandout.AddMonths(months);

    public static HandoutState State(PackHandout h, LatestVersion? latest) => h switch
    {
        { ReturnedOn: not null } => HandoutState.Returned,
        { ReplacedOn: not null } => HandoutState.Replaced,
        _ when latest is not null && h.PackNumber < latest.Number => HandoutState.Superseded,
        _ when latest is { IsStale: true } => HandoutState.Stale,
        _ => HandoutState.Current,
    };

    /// <summary>Held and not the current content: "moet vervangen worden".</summary>
    public static bool MustBeReplaced(HandoutState s) => s is HandoutState.Superseded or HandoutState.Stale;

    public static List<ReprintItem> Compute(IEnumerable<PackHandout> handouts, IReadOnlyDictionary<PackKey, LatestVersion> latest, int months, DateTimeOffset now)
    {
        var today = Format.DayInAmsterdam(now);
        var items = new List<ReprintItem>();
        foreach (var pack in handouts.Where(h => h.IsHeld).GroupBy(h => new PackKey(h.NoodsteunpuntId, h.WithRegister)).OrderBy(g => g.Key.NoodsteunpuntId))
        {
            var newest = latest.GetValueOrDefault(pack.Key);
            var reasons = new List<string>();
            var since = new List<DateTimeOffset>();
            var last = pack.Max(h => h.HandedOutOn);
            var due = DueOn(last, months);
            if (due <= today)
            {
                reasons.Add($"laatst uitgereikt op {Day(last)}: herdrukken elke {months} {(months == 1 ? "maand" : "maanden")}, dus uiterlijk {Day(due)}");
                since.Add(StartOfDay(due));
            }
            var older = pack.Count(h => State(h, newest) == HandoutState.Superseded);
            if (older > 0 && newest is not null)
            {
                reasons.Add($"{older} {(older == 1 ? "ontvanger heeft" : "ontvangers hebben")} een oudere versie dan versie {newest.Number}");
                since.Add(newest.CreatedAt.ToUniversalTime());
            }
            if (newest is { IsStale: true } && pack.Any(h => h.PackNumber == newest.Number))
            {
                reasons.Add($"de gegevens in versie {newest.Number} zijn veranderd: {string.Join(", ", newest.Changed!)}");
                since.Add(newest.CreatedAt.ToUniversalTime());
            }
            if (reasons.Count > 0)
            {
                items.Add(new ReprintItem(pack.Key, pack.Count(), reasons, since.Max()));
            }
        }
        return items;
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", Format.Dutch);

    /// <summary>Midnight in Amsterdam at the start of <paramref name="day"/>, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Format.Amsterdam.GetUtcOffset(wall)).ToUniversalTime();
    }
}
