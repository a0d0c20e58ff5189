using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Accounts;

namespace Weerbaar.Web.Features.Locations;

/// <summary>
/// Reads the fields of one register row as typed (form, CSV or API alike) and collects every problem in Dutch,
/// keyed by the CSV column name (which is also the form field's id).
/// </summary>
public sealed partial class FieldChecks
{
    public const int MaxName = 200;
    public const int MaxAddress = 300;
    public const int MaxNotes = 2000;
    public const int MaxEmail = 256;
    public const int MaxPhone = 40;
    public const int MaxPeople = 100_000;
    public const double MinLatitude = 50.7, MaxLatitude = 53.7, MinLongitude = 3.2, MaxLongitude = 7.3;

    public List<FieldError> Errors { get; } = [];

    private void Fail(string column, string message) => Errors.Add(new FieldError(column, message));

    public static bool Empty(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Trimmed text or null when empty; one line unless <paramref name="multiLine"/>.</summary>
    public string? Text(string column, string label, string? value, int max, bool required = false, bool multiLine = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                Fail(column, $"Vul {label} in.");
            }
            return null;
        }
        if (text.Length > max)
        {
            Fail(column, $"{Capital(label)} is langer dan {max} tekens.");
        }
        else if (text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
        {
            Fail(column, $"{Capital(label)} moet één regel tekst zijn.");
        }
        return text;
    }

    /// <summary>A Dutch postcode, normalised to "1234 AB".</summary>
    public string? Postcode(string column, string? value)
    {
        if (Empty(value))
        {
            return null;
        }
        var match = PostcodeRegex().Match(value!.Trim());
        if (!match.Success)
        {
            Fail(column, $"'{value!.Trim()}' is geen Nederlandse postcode (bijvoorbeeld 3511 AB).");
            return null;
        }
        return $"{match.Groups["digits"].Value} {match.Groups["letters"].Value.ToUpperInvariant()}";
    }

    /// <summary>A CBS buurtcode of this gemeente (BU03440111), upper-cased.</summary>
    public string? Buurt(string column, string? value, IReadOnlySet<string> buurten, string gemeenteName)
    {
        if (Empty(value))
        {
            return null;
        }
        var code = value!.Trim().ToUpperInvariant();
        if (!buurten.Contains(code))
        {
            Fail(column, $"'{value.Trim()}' is geen buurtcode van {gemeenteName} (bijvoorbeeld {buurten.Order(StringComparer.Ordinal).FirstOrDefault() ?? "BU03440111"}).");
            return null;
        }
        return code;
    }

    /// <summary>WGS84 coordinates inside the Netherlands; both or neither. A decimal comma is accepted.</summary>
    public (double? Latitude, double? Longitude) Coordinates(string latitudeColumn, string? latitude, string longitudeColumn, string? longitude)
    {
        if (Empty(latitude) && Empty(longitude))
        {
            return (null, null);
        }
        if (Empty(latitude) || Empty(longitude))
        {
            Fail(Empty(latitude) ? latitudeColumn : longitudeColumn, "Vul breedtegraad én lengtegraad in, of geen van beide.");
            return (null, null);
        }
        var lat = Decimal(latitudeColumn, "De breedtegraad", latitude!, MinLatitude, MaxLatitude);
        var lon = Decimal(longitudeColumn, "De lengtegraad", longitude!, MinLongitude, MaxLongitude);
        return lat is null || lon is null ? (null, null) : (lat, lon);
    }

    private double? Decimal(string column, string label, string value, double min, double max)
    {
        var text = value.Trim().Replace(',', '.');
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            Fail(column, $"{label} '{value.Trim()}' is geen getal (bijvoorbeeld 52.0907).");
            return null;
        }
        if (number < min || number > max)
        {
            Fail(column, $"{label} {value.Trim()} ligt niet in Nederland (tussen {min.ToString(CultureInfo.InvariantCulture)} en {max.ToString(CultureInfo.InvariantCulture)}).");
            return null;
        }
        return number;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>; null when empty and not required.</summary>
    public int? WholeNumber(string column, string label, string? value, int min, int max, bool required = false)
    {
        if (Empty(value))
        {
            if (required)
            {
                Fail(column, $"Vul {label} in (een geheel getal van {min} tot en met {max}).");
            }
            return null;
        }
        if (!int.TryParse(value!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Fail(column, $"{Capital(label)} moet een geheel getal van {min} tot en met {max} zijn (niet '{value.Trim()}').");
            return null;
        }
        return number;
    }

    /// <summary>'ja' or 'nee' (any case); empty is nee. Null when the value is neither.</summary>
    public bool? YesNo(string column, string label, string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "nee":
                return false;
            case "ja":
                return true;
            default:
                Fail(column, $"{Capital(label)} is 'ja' of 'nee' (niet '{value.Trim()}').");
                return null;
        }
    }

    public string? Phone(string column, string? value)
    {
        if (Empty(value))
        {
            return null;
        }
        var text = value!.Trim();
        var digits = text.Count(char.IsAsciiDigit);
        if (text.Length > MaxPhone || !PhoneRegex().IsMatch(text) || digits is < 8 or > 15)
        {
            Fail(column, $"'{text}' is geen telefoonnummer (cijfers, spaties, +, - en haakjes; bijvoorbeeld 030 123 45 67).");
            return null;
        }
        return text;
    }

    public string? Email(string column, string? value)
    {
        if (Empty(value))
        {
            return null;
        }
        var text = value!.Trim();
        if (text.Length > MaxEmail || !MailAddress.TryCreate(text, out var mail) || mail.Address != text)
        {
            Fail(column, $"'{text}' is geen geldig e-mailadres.");
            return null;
        }
        return text;
    }

    private static string Capital(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    [GeneratedRegex(@"^(?<digits>[1-9][0-9]{3}) ?(?<letters>[A-Za-z]{2})$")]
    private static partial Regex PostcodeRegex();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneRegex();
}
