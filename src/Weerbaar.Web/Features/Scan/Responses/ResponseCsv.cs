using System.Globalization;
using Weerbaar.Web.Features.Scan.Instruments;

namespace Weerbaar.Web.Features.Scan.Responses;

/// <summary>One response as it appears in the response file.</summary>
public sealed record ResponseRow(string Respondent, string Gemeentecode, string? CompletedOn, IReadOnlyDictionary<string, string> Answers);

/// <summary>An import problem: <see cref="Row"/> counts the header as row 1 (as a spreadsheet does); 0 = the whole file.</summary>
public sealed record CsvError(int Row, string Column, string Message);

/// <summary>
/// The response file of DESIGN.md: UTF-8 (BOM allowed), comma- or semicolon-separated, RFC 4180 quoting, columns
/// respondent, gemeentecode, ingevuld_op and then the instrument's answer columns. Import and export use it.
/// </summary>
public static class ResponseCsv
{
    public const string RespondentColumn = "respondent";
    public const string GemeenteColumn = "gemeentecode";
    public const string CompletedColumn = "ingevuld_op";
    public const int MaxRespondentLength = 100;

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@'];

    public static IReadOnlyList<string> Header(Instrument instrument)
        => [RespondentColumn, GemeenteColumn, CompletedColumn, .. instrument.ColumnOrder];

    /// <summary>Reads and validates every row; returns all errors, never only the first.</summary>
    public static (List<ResponseRow> Rows, List<CsvError> Errors) Parse(byte[] bytes, Instrument instrument, Func<string, bool> gemeenteAllowed)
    {
        var rows = new List<ResponseRow>();
        var errors = new List<CsvError>();
        var text = CsvInput.Decode(bytes, out var decodeError);
        if (text is null)
        {
            errors.Add(new(0, "", decodeError!));
            return (rows, errors);
        }
        using var parser = CsvInput.Parser(text);
        var expected = Header(instrument);
        if (!parser.Read())
        {
            errors.Add(new(0, "", "Het bestand is leeg."));
            return (rows, errors);
        }
        var header = parser.Record!.Select(h => h.Trim()).ToArray();
        if (!header.SequenceEqual(expected, StringComparer.Ordinal))
        {
            errors.Add(new(1, FirstDifference(header, expected), $"De kopregel klopt niet. Verwacht {expected.Count} kolommen in deze volgorde: {string.Join(",", expected)}."));
            return (rows, errors);
        }

        var textColumns = instrument.Questions.Where(q => q.Type == QuestionType.Text).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        while (parser.Read())
        {
            var rowNumber = parser.Row;
            var record = parser.Record!;
            if (record.Length != expected.Count)
            {
                errors.Add(new(rowNumber, "", $"Deze rij heeft {record.Length} kolommen in plaats van {expected.Count}."));
                continue;
            }
            var respondent = record[0].Trim();
            var gemeente = record[1].Trim().ToUpperInvariant();
            var completed = record[2].Trim();
            if (respondent.Length == 0)
            {
                errors.Add(new(rowNumber, RespondentColumn, "Vul een respondent-id in."));
            }
            else if (respondent.Length > MaxRespondentLength)
            {
                errors.Add(new(rowNumber, RespondentColumn, $"Het respondent-id is langer dan {MaxRespondentLength} tekens."));
            }
            else if (!firstRowOf.TryAdd(respondent, rowNumber))
            {
                errors.Add(new(rowNumber, RespondentColumn, $"Respondent '{respondent}' staat ook in rij {firstRowOf[respondent]}."));
            }
            if (!gemeenteAllowed(gemeente))
            {
                errors.Add(new(rowNumber, GemeenteColumn, $"'{record[1].Trim()}' is geen gemeentecode van deze ronde (bijvoorbeeld GM0363)."));
            }
            if (completed.Length > 0 && !TryParseIso(completed, out _))
            {
                errors.Add(new(rowNumber, CompletedColumn, $"'{completed}' is geen datum volgens ISO 8601 (bijvoorbeeld 2025-12-15 of 2025-12-15T10:30:00+01:00)."));
            }
            var raw = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 3; i < record.Length; i++)
            {
                var value = record[i];
                raw[expected[i]] = textColumns.Contains(expected[i]) ? Unneutralize(value) : value;
            }
            var answers = AnswerValidator.Normalize(raw);
            errors.AddRange(AnswerValidator.Validate(instrument, answers).Select(e => new CsvError(rowNumber, e.Question, e.Message)));
            rows.Add(new ResponseRow(respondent, gemeente, completed.Length > 0 ? completed : null, answers));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(0, "", "Het bestand bevat alleen een kopregel en geen antwoorden."));
        }
        return (rows, errors);
    }

    /// <summary>Writes the canonical file: comma-separated, UTF-8 without BOM, CRLF, free text protected against formula injection.</summary>
    public static byte[] Write(Instrument instrument, IEnumerable<ResponseRow> rows)
    {
        var header = Header(instrument);
        var textColumns = instrument.Questions.Where(q => q.Type == QuestionType.Text).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return CsvOutput.Write(header,
            rows.Select(row => (IReadOnlyList<string?>)[row.Respondent, row.Gemeentecode, row.CompletedOn, .. instrument.ColumnOrder.Select(c => row.Answers.GetValueOrDefault(c))]),
            i => i == 0 || textColumns.Contains(header[i]));
    }

    public static bool TryParseIso(string value, out DateTimeOffset result)
        => DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-ddTHH:mmZ", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
    ];

    /// <summary>A spreadsheet runs text that starts with = + - @ as a formula; a leading apostrophe stops that.</summary>
    public static string Neutralize(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralize"/>: an exported file imports as it was typed.</summary>
    public static string Unneutralize(string value) => value.Length > 1 && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;

    private static string FirstDifference(string[] header, IReadOnlyList<string> expected)
    {
        for (var i = 0; i < Math.Max(header.Length, expected.Count); i++)
        {
            if (i >= header.Length)
            {
                return expected[i];
            }
            if (i >= expected.Count || header[i] != expected[i])
            {
                return header[i];
            }
        }
        return "";
    }
}
