using System.Globalization;
using System.Text;

namespace Weerbaar.Web.Features.Programme.Exports;

/// <summary>
/// The deadlines of a programme as an iCalendar feed (RFC 5545): one all-day VEVENT per action deadline and per milestone,
/// with a UID that stays the same as long as the action (and the milestone's place in its list) does, so a calendar
/// that subscribes updates its events instead of adding new ones.
/// </summary>
public static class DeadlineCalendar
{
    public const string ContentType = "text/calendar";
    private const int MaxLineOctets = 75;

    /// <param name="baseUrl">Scheme, host and path base of the app, without a trailing slash (for the links to the action pages).</param>
    public static string Write(ProgrammePlanData d, string baseUrl, DateTimeOffset now)
    {
        var ics = new StringBuilder();
        void Line(string name, string value) => Fold(ics, name + ":" + value);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        Line("BEGIN", "VCALENDAR");
        Line("VERSION", "2.0");
        Line("PRODID", "-//Weerbaar//Programmaplan termijnen//NL");
        Line("CALSCALE", "GREGORIAN");
        Line("METHOD", "PUBLISH");
        Line("X-WR-CALNAME", Text($"Termijnen {d.Programme.Name} {d.Gemeente.Name}"));
        foreach (var a in d.Actions)
        {
            var url = $"{baseUrl}/gemeenten/{d.Gemeente.Code}/programma/acties/{a.Number}";
            Event(ics, $"actie-{a.Id:D}-deadline@weerbaar", stamp, a, a.Deadline, $"Deadline {a.Label}: {a.Title}",
                $"Eigenaar: {ProgrammePlanComposer.Owner(a)}\nStatus: {ActionStatus.Label(a.Status)}\nPijler: {d.PillarName(a.Pillar)}", url);
            for (var i = 0; i < a.Milestones.Count; i++)
            {
                var m = a.Milestones[i];
                Event(ics, $"actie-{a.Id:D}-mijlpaal-{i + 1}@weerbaar", stamp, a, m.Date, $"Mijlpaal {a.Label}: {m.Name}",
                    $"Bij actie {a.Label}: {a.Title}\nEigenaar: {ProgrammePlanComposer.Owner(a)}\nBereikt: {(m.Reached ? "ja" : "nee")}", url);
            }
        }
        Line("END", "VCALENDAR");
        return ics.ToString();
    }

    private static void Event(StringBuilder ics, string uid, string stamp, ProgrammeAction a, DateOnly day, string summary, string description, string url)
    {
        void Line(string name, string value) => Fold(ics, name + ":" + value);
        Line("BEGIN", "VEVENT");
        Line("UID", uid);
        Line("DTSTAMP", stamp);
        Line("LAST-MODIFIED", a.UpdatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Line("SEQUENCE", Math.Max(0, a.Version).ToString(CultureInfo.InvariantCulture));
        Line("DTSTART;VALUE=DATE", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("DTEND;VALUE=DATE", day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("SUMMARY", Text(summary));
        Line("DESCRIPTION", Text(description));
        Line("URL", url);
        Line("TRANSP", "TRANSPARENT");
        Line("END", "VEVENT");
    }

    /// <summary>TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace('\r', '\n')
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Writes a content line folded at 75 octets of UTF-8 (RFC 5545 3.1): a continuation starts with one space, which
    /// counts toward its 75. Folds only between characters (whole code points), never inside a multibyte sequence.
    /// </summary>
    public static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
