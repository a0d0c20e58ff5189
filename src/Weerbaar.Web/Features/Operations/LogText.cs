using System.Text.RegularExpressions;

namespace Weerbaar.Web.Features.Operations;

/// <summary>Cleans a text from outside (an SMTP server's answer, an exception message) before it goes into a log line.</summary>
public static partial class LogText
{
    /// <summary>E-mail addresses become "***@domain"; respondent and invitation tokens in paths become {token}.</summary>
    public static string? Clean(string? text)
        => text is null ? null : RedactedPaths.Redact(Email().Replace(text, m => "***@" + m.Groups["domain"].Value));

    [GeneratedRegex("[A-Za-z0-9._%+\\-]+@(?<domain>[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,})")]
    private static partial Regex Email();
}
