using System.Globalization;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Shared;

/// <summary>Reads numbers and dates as Dutch users type them.</summary>
public static partial class DutchInput
{
    /// <summary>"1.250,5", "1250,5" and "1250.5" all read as 1250.5; a dot alone followed by three digits is a thousands separator.</summary>
    public static double? Number(string text)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal);
        t = t.Contains(',', StringComparison.Ordinal) ? t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : ThousandsOnly().IsMatch(t) ? t.Replace(".", "", StringComparison.Ordinal) : t;
        return double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }

    /// <summary>An amount of money in euros, rounded to cents; same forms as <see cref="Number"/>, an optional € sign.</summary>
    public static decimal? Money(string text) => Number(text) is { } v && Math.Abs(v) < 1e15 ? Math.Round((decimal)v, 2) : null;

    /// <summary>jjjj-mm-dd (what a date input sends) or dd-mm-jjjj.</summary>
    public static DateOnly? Date(string text)
        => DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex ThousandsOnly();
}
