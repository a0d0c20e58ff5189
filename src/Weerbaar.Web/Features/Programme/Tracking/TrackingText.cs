using System.Globalization;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Programme.Tracking;

/// <summary>Shared checks and wording of the tracking forms: dates as ISO or Dutch text, lengths, owners.</summary>
public static class TrackingText
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Shared.Format.Dutch);

    public static string Owner(string department, string? person) => string.IsNullOrWhiteSpace(person) ? department : $"{person} ({department})";

    /// <summary>Days from today in words: "3 dagen geleden", "vandaag", "over 12 dagen".</summary>
    public static string When(int days) => days switch
    {
        < -1 => $"{-days} dagen geleden",
        -1 => "gisteren",
        0 => "vandaag",
        1 => "morgen",
        _ => $"over {days} dagen",
    };

    /// <summary>"2027 K1": the year and quarter of a day.</summary>
    public static string Quarter(DateOnly date) => $"{date.Year} K{((date.Month - 1) / 3) + 1}";

    public static string? Optional(string? value, string field, int max, string what, List<FieldError> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new(field, $"{what} is {text.Length.ToString("N0", Shared.Format.Dutch)} tekens lang; dat mag hoogstens {max.ToString("N0", Shared.Format.Dutch)} tekens zijn."));
            return null;
        }
        return text;
    }

    /// <summary>A day not after <paramref name="today"/> and not more than ten years before it.</summary>
    public static DateOnly? PastDate(string? value, string field, string what, DateOnly today, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"Vul {what} in."));
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(field, $"‘{value.Trim()}’ is geen datum; gebruik dd-mm-jjjj of jjjj-mm-dd."));
            return null;
        }
        if (date > today)
        {
            errors.Add(new(field, $"{Capital(what)} ligt in de toekomst ({Date(date)}); vul een dag tot en met vandaag ({Date(today)}) in."));
            return null;
        }
        if (date < today.AddYears(-10))
        {
            errors.Add(new(field, $"{Capital(what)} ligt meer dan tien jaar terug ({Date(date)}); controleer het jaartal."));
            return null;
        }
        return date;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Shared.Format.Dutch) + text[1..];
}
