using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan.Invitations;

/// <summary>
/// The contacts file: one row per gemeente with columns <c>gemeentecode,naam,email,rol</c> (rol may be empty);
/// read with the same CSV rules as the response file.
/// </summary>
public static class ContactsCsv
{
    public static readonly IReadOnlyList<string> Header = ["gemeentecode", "naam", "email", "rol"];

    public static (List<ContactInput> Contacts, List<CsvError> Errors) Parse(byte[] bytes, Func<string, bool> gemeenteAllowed)
    {
        var contacts = new List<ContactInput>();
        var errors = new List<CsvError>();
        var text = CsvInput.Decode(bytes, out var decodeError);
        if (text is null)
        {
            errors.Add(new(0, "", decodeError!));
            return (contacts, errors);
        }
        using var parser = CsvInput.Parser(text);
        if (!parser.Read())
        {
            errors.Add(new(0, "", "Het bestand is leeg."));
            return (contacts, errors);
        }
        var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Header, StringComparer.Ordinal))
        {
            errors.Add(new(1, "", $"De kopregel klopt niet. Verwacht de kolommen {string.Join(",", Header)}."));
            return (contacts, errors);
        }
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        while (parser.Read())
        {
            var row = parser.Row;
            var record = parser.Record!;
            if (record.Length != Header.Count)
            {
                errors.Add(new(row, "", $"Deze rij heeft {record.Length} kolommen in plaats van {Header.Count}."));
                continue;
            }
            var code = record[0].Trim().ToUpperInvariant();
            if (!gemeenteAllowed(code))
            {
                errors.Add(new(row, "gemeentecode", $"'{record[0].Trim()}' is geen gemeentecode van deze ronde (bijvoorbeeld GM0363)."));
            }
            else if (!firstRowOf.TryAdd(code, row))
            {
                errors.Add(new(row, "gemeentecode", $"Gemeente {code} staat ook in rij {firstRowOf[code]}."));
            }
            errors.AddRange(ContactRules.Validate(record[1], record[2], record[3]).Select(e => new CsvError(row, e.Field, e.Message)));
            contacts.Add(ContactRules.Normalize(code, record[1], record[2], record[3]));
        }
        if (contacts.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(0, "", "Het bestand bevat alleen een kopregel en geen contactpersonen."));
        }
        return (contacts, errors);
    }
}
