using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Monitoring;

/// <summary>
/// The monitoring exports as CSV: UTF-8 with BOM (so Excel reads the accents), comma-separated, CRLF, Dutch headers,
/// decimals with a point, every field protected against formula injection as in the response file.
/// </summary>
public static class MonitorCsv
{
    public static byte[] ResponseRates(string dimension, IEnumerable<GroupResponse> groups) => Write(
        ["indeling", "code", "groep", "populatie", "uitgenodigd", "verstuurd", "bezig", "respons_procent"],
        groups.Select(g => new[] { dimension, g.Key, g.Label, N(g.Population), N(g.Invited), N(g.Submitted), N(g.InProgress), P(g.Rate) }));

    public static byte[] NonResponders(IEnumerable<NonResponder> rows) => Write(
        ["gemeentecode", "gemeente", "provincie", "uitgenodigd", "status"],
        rows.Select(n => new[] { n.Gemeentecode, n.Name, n.Provincie, n.Invited ? "ja" : "nee", n.InProgress ? "bezig" : "niet begonnen" }));

    public static byte[] ItemNonresponse(IEnumerable<ItemNonresponseRow> rows) => Write(
        ["kolom", "vraag", "vraagtekst", "van_toepassing", "leeg", "weet_niet", "leeg_procent", "weet_niet_procent"],
        rows.Select(r => new[] { r.Column, r.QuestionId, r.Text, N(r.Applicable), N(r.Empty), N(r.DontKnow), P(r.EmptyRate), P(r.DontKnowRate) }));

    public static byte[] Timeline(IEnumerable<TimelineDay> days) => Write(
        ["datum", "begonnen", "verstuurd", "begonnen_totaal", "verstuurd_totaal"],
        days.Select(d => new[] { d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(d.Started), N(d.Submitted), N(d.StartedTotal), N(d.SubmittedTotal) }));

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var field in row)
                {
                    csv.WriteField(ResponseCsv.Neutralize(field));
                }
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal; empty when there is nothing to divide by.</summary>
    private static string P(double? fraction) => fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";
}
