using System.Text;

namespace Weerbaar.Web.Features.Email;

/// <summary>Writes a plain-text message as an RFC 5322 .eml file (UTF-8, 8bit), as an SMTP pickup folder holds.</summary>
public static class EmlWriter
{
    public static string Format(string from, string to, string subject, string body, DateTimeOffset date, long id)
    {
        var sb = new StringBuilder();
        sb.Append("From: ").Append(from).Append("\r\n");
        sb.Append("To: ").Append(to).Append("\r\n");
        sb.Append("Subject: ").Append(EncodeHeader(subject)).Append("\r\n");
        sb.Append("Date: ").Append(date.ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
        sb.Append("Message-ID: <weerbaar-").Append(id).Append('@').Append("weerbaar.local>\r\n");
        sb.Append("MIME-Version: 1.0\r\n");
        sb.Append("Content-Type: text/plain; charset=utf-8\r\n");
        sb.Append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        sb.Append(body.ReplaceLineEndings("\r\n"));
        return sb.ToString();
    }

    private static string EncodeHeader(string value)
        => value.All(c => c < 128) ? value : "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
}
