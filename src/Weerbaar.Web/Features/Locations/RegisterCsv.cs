using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Features.Scan;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Locations;

/// <summary>
/// The file format of both registers (vulnerable locations, noodsteunpunten): the response file's CSV rules
/// (<see cref="CsvInput"/>: UTF-8, comma or semicolon, RFC 4180) with a fixed Dutch header, at most
/// <see cref="MaxBytes"/> and <see cref="MaxRows"/> rows. Export writes the same columns, with free text protected
/// against spreadsheet formulas; import takes that protection off again, so a file round-trips.
/// </summary>
public static class RegisterCsv
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>Every data row with its spreadsheet row number (header = row 1), or the errors about the file as a whole.</summary>
    public static (List<(int Row, Dictionary<string, string> Values)> Rows, List<CsvError> Errors) Read(
        byte[] bytes, IReadOnlyList<string> header, IReadOnlySet<string> textColumns, string kind)
    {
        var rows = new List<(int, Dictionary<string, string>)>();
        var errors = new List<CsvError>();
        if (bytes.Length > MaxBytes)
        {
            errors.Add(new(0, "", $"Het bestand is groter dan {MaxBytes / 1024 / 1024} MB."));
            return (rows, errors);
        }
        var text = CsvInput.Decode(bytes, out var decodeError);
        if (text is null)
        {
            errors.Add(new(0, "", decodeError!));
            return (rows, errors);
        }
        using var parser = CsvInput.Parser(text);
        if (!parser.Read())
        {
            errors.Add(new(0, "", "Het bestand is leeg."));
            return (rows, errors);
        }
        var found = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!found.SequenceEqual(header, StringComparer.Ordinal))
        {
            errors.Add(new(1, "", $"De kopregel klopt niet: is dit een bestand met {kind}? Verwacht {header.Count} kolommen in deze volgorde: {string.Join(",", header)}."));
            return (rows, errors);
        }
        while (parser.Read())
        {
            if (rows.Count + 1 > MaxRows)
            {
                errors.Clear();
                errors.Add(new(0, "", $"Het bestand heeft meer dan {MaxRows} rijen; splits het in delen en kies ‘toevoegen’ voor de volgende delen."));
                return ([], errors);
            }
            var record = parser.Record!;
            if (record.Length != header.Count)
            {
                errors.Add(new(parser.Row, "", $"Deze rij heeft {record.Length} kolommen in plaats van {header.Count}."));
                rows.Add((parser.Row, []));
                continue;
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = textColumns.Contains(header[i]) ? ResponseCsv.Unneutralize(record[i]) : record[i];
            }
            rows.Add((parser.Row, values));
        }
        if (rows.Count == 0)
        {
            errors.Add(new(0, "", $"Het bestand bevat alleen een kopregel en geen {kind}."));
        }
        return (rows, errors);
    }

    /// <summary>Row errors of one record as import errors.</summary>
    public static IEnumerable<CsvError> At(int row, IEnumerable<FieldError> errors) => errors.Select(e => new CsvError(row, e.Field, e.Message));

    /// <summary>Comma-separated, UTF-8 without BOM, CRLF; text columns neutralised against formula injection.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlySet<string> textColumns)
        => CsvOutput.Write(header, rows, i => textColumns.Contains(header[i]), quoteSemicolons: true);
}
