using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Weerbaar.Web.Features.Scan;

/// <summary>
/// Shared reading of uploaded CSV files: strict UTF-8 (BOM allowed), comma or — as Dutch Excel writes it — semicolon,
/// RFC 4180 quoting. Everything else about a file (header, columns, rules) belongs to its own format.
/// </summary>
public static class CsvInput
{
    /// <summary>Decodes the file; on failure returns null and the Dutch reason.</summary>
    public static string? Decode(byte[] bytes, out string? error)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            error = "Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8 (door komma's gescheiden)'.";
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Het bestand is leeg.";
            return null;
        }
        error = null;
        return text;
    }

    public static CsvParser Parser(string text) => new(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        Delimiter = DetectDelimiter(text),
        HasHeaderRecord = false,
        BadDataFound = null,
        DetectColumnCountChanges = false,
        IgnoreBlankLines = true,
    });

    private static string DetectDelimiter(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var i and >= 0 ? i : text.Length));
        var commas = 0;
        var semicolons = 0;
        var quoted = false;
        foreach (var c in firstLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }
        return semicolons > commas ? ";" : ",";
    }
}
