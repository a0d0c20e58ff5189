using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Weerbaar.Web.Features.Scan.Responses;

namespace Weerbaar.Web.Features.Scan;

/// <summary>
/// Shared writing of CSV downloads that are read back by an import: comma-separated, UTF-8 without BOM, CRLF, and
/// RFC 4180 quoting of exactly the fields that need it (also a lone \n inside a value). Chosen columns are protected
/// against spreadsheet formulas (<see cref="ResponseCsv.Neutralize"/>); the imports take that off again.
/// </summary>
public static class CsvOutput
{
    /// <param name="neutralize">Whether the column with this index holds free text to protect.</param>
    /// <param name="quoteSemicolons">Also quote values with ';': the file is read back with semicolon detection.</param>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, Func<int, bool> neutralize, bool quoteSemicolons = false)
    {
        var special = quoteSemicolons ? ",;\"\r\n" : ",\"\r\n";
        using var buffer = new MemoryStream();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            ShouldQuote = args => args.Field is { Length: > 0 } f
                                  && (f.AsSpan().IndexOfAny(special) >= 0 || char.IsWhiteSpace(f[0]) || char.IsWhiteSpace(f[^1])),
        };
        var protect = Enumerable.Range(0, header.Count).Select(neutralize).ToArray();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var h in header)
            {
                csv.WriteField(h);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                for (var i = 0; i < header.Count; i++)
                {
                    var value = row[i] ?? "";
                    csv.WriteField(protect[i] ? ResponseCsv.Neutralize(value) : value);
                }
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }
}
