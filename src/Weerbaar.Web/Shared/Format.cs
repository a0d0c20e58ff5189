using System.Globalization;

namespace Weerbaar.Web.Shared;

/// <summary>Dutch number formatting: 17.942.942 inwoners, 88,1%.</summary>
public static class Format
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Dates that a Dutch user sees (today, a deadline) are days in this time zone, not in UTC.</summary>
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly DayInAmsterdam(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Amsterdam).DateTime);

    /// <summary>Today as a Dutch user counts days: a round's closing day ends at midnight in Amsterdam, not in UTC.</summary>
    public static DateOnly Today(TimeProvider clock) => DayInAmsterdam(clock.GetUtcNow());

    /// <summary>A moment as a Dutch user reads it: Amsterdam time, Dutch month names (default "3 december 2026 om 14:05").</summary>
    public static string Moment(DateTimeOffset at, string pattern = "d MMMM yyyy 'om' HH:mm") => TimeZoneInfo.ConvertTime(at, Amsterdam).ToString(pattern, Dutch);

    public static string Number(int? value) => value?.ToString("N0", Dutch) ?? "–";
    public static string Number(double? value, int decimals) => value?.ToString("N" + decimals, Dutch) ?? "–";
    public static string Percent(double? fraction, int decimals = 1) => fraction is { } f ? (f * 100).ToString("N" + decimals, Dutch) + "%" : "–";
}
