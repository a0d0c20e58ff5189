using System.Globalization;
using System.Text;

namespace Weerbaar.Web.Features.Scan.Report;

public static class ReportFileName
{
    /// <summary>weerbaarheidsscan-&lt;slug of the round name&gt;-rapport.&lt;extension&gt;.</summary>
    public static string For(string roundName, string extension) => Named(roundName, $"rapport.{extension}");

    /// <summary>weerbaarheidsscan-&lt;slug of the round name&gt;-&lt;suffix&gt;, e.g. …-data.zip.</summary>
    public static string Named(string roundName, string suffix) => $"weerbaarheidsscan-{Slug(roundName)}-{suffix}";

    /// <summary>Lower case a–z, 0–9 and single hyphens; accents dropped ("Ronde één 2026" → "ronde-een-2026").</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        if (result.Length > 60)
        {
            result = result[..60].TrimEnd('-');
        }
        return result.Length == 0 ? "ronde" : result;
    }
}
