using System.Net;
using System.Text.RegularExpressions;

namespace Weerbaar.Bench.Saves;

/// <summary>
/// What a browser gets from <c>GET /scan/{token}/deel/{part}</c> before it can post the form: the antiforgery cookie
/// (Set-Cookie) and the hidden fields of the form (<c>_handler</c> naming the Blazor form, <c>__RequestVerificationToken</c>,
/// <c>_version</c>), read from the rendered HTML.
/// </summary>
public static partial class RespondentForm
{
    public sealed record Rendered(string Cookie, IReadOnlyList<KeyValuePair<string, string>> HiddenFields, IReadOnlySet<string> FieldNames);

    public static async Task<Rendered> GetAsync(HttpClient client, Uri url, CancellationToken ct = default)
    {
        using var response = await client.GetAsync(url, ct);
        var html = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url.PathAndQuery}: {(int)response.StatusCode}: {html[..Math.Min(html.Length, 1000)]}");
        }
        var cookie = string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';', 2)[0].Trim())
            : []);
        var start = html.IndexOf("<form method=\"post\"", StringComparison.Ordinal);
        var end = start < 0 ? -1 : html.IndexOf("</form>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"GET {url.PathAndQuery}: no <form method=\"post\"> in the page.");
        }
        var form = html[start..end];
        var hidden = new List<KeyValuePair<string, string>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match tag in Field().Matches(form))
        {
            var attributes = Attribute().Matches(tag.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.Ordinal);
            if (!attributes.TryGetValue("name", out var name))
            {
                continue;
            }
            names.Add(name);
            if (tag.Groups[1].Value == "input" && attributes.GetValueOrDefault("type") == "hidden")
            {
                hidden.Add(new(name, attributes.GetValueOrDefault("value") ?? ""));
            }
        }
        if (cookie.Length == 0 || !hidden.Any(h => h.Key == "__RequestVerificationToken"))
        {
            throw new InvalidOperationException($"GET {url.PathAndQuery}: no antiforgery cookie or token (cookie '{cookie}', hidden fields {string.Join(", ", hidden.Select(h => h.Key))}).");
        }
        return new Rendered(cookie, hidden, names);
    }

    [GeneratedRegex("<(input|select|textarea)\\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    [GeneratedRegex("([a-zA-Z_:-]+)=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
