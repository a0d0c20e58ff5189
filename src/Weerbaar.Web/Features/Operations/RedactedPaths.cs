using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Features.Operations;

/// <summary>
/// Keeps respondent and invitation tokens out of span attributes and names: the path segment after /scan/,
/// /invitations/ or /uitnodiging/ becomes {token}, and the query string is dropped.
/// </summary>
public static partial class RedactedPaths
{
    public const string Placeholder = "{token}";

    public static string Redact(string path) => TokenSegment().Replace(path, m => m.Groups["prefix"].Value + Placeholder);

    public static void Redact(Activity activity)
    {
        foreach (var key in new[] { "url.path", "http.target", "url.full" })
        {
            if (activity.GetTagItem(key) is string value)
            {
                var withoutQuery = value.Split('?', 2)[0];
                activity.SetTag(key, Redact(withoutQuery));
            }
        }
        if (activity.GetTagItem("url.query") is not null)
        {
            activity.SetTag("url.query", null);
        }
        if (activity.DisplayName.Contains('/', StringComparison.Ordinal))
        {
            activity.DisplayName = Redact(activity.DisplayName);
        }
    }

    [GeneratedRegex("(?<prefix>/(?:scan|invitations|uitnodiging)/)(?!\\{)[^/?#\\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex TokenSegment();
}
