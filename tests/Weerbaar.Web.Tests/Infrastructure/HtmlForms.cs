using System.Net;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Tests.Infrastructure;

/// <summary>Reads the hidden fields (antiforgery token, Blazor form handler) from a rendered form, as a browser would post them.</summary>
public static partial class HtmlForms
{
    public static Dictionary<string, string> HiddenFields(string html, string formName)
    {
        var forms = FormRegex().Matches(html);
        foreach (Match form in forms)
        {
            var body = form.Value;
            var fields = HiddenRegex().Matches(body).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            if (fields.TryGetValue("_handler", out var handler) && handler == formName)
            {
                return fields;
            }
        }
        throw new InvalidOperationException($"Geen formulier '{formName}' gevonden in de pagina.");
    }

    public static IEnumerable<string> PostFormHandlers(string html)
        => FormRegex().Matches(html)
            .Select(m => m.Value)
            .Where(f => f.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
            .Select(f => HiddenRegex().Matches(f).FirstOrDefault(h => h.Groups["name"].Value == "_handler")?.Groups["value"].Value
                         ?? ActionRegex().Match(f).Groups["action"].Value);

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, IDictionary<string, string> values, string? cookie = null)
        => PostFormAsync(client, url, formName, values.ToList(), cookie);

    /// <summary>Posts a form as a browser would; a key may repeat (several checked boxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, IReadOnlyList<KeyValuePair<string, string>> values, string? cookie = null)
    {
        var page = await Send(client, HttpMethod.Get, url, null, cookie);
        var html = await page.Content.ReadAsStringAsync();
        var hidden = HiddenFields(html, formName);
        foreach (var key in values.Select(v => v.Key).Distinct())
        {
            hidden.Remove(key);
        }
        var fields = hidden.Concat(values).ToList();
        var antiforgeryCookie = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var allCookies = string.Join("; ", new[] { cookie, antiforgeryCookie }.Where(c => !string.IsNullOrEmpty(c)));
        return await Send(client, HttpMethod.Post, url, new FormUrlEncodedContent(fields), allCookies);
    }

    /// <summary>Posts a multipart form with one file, as a browser does for &lt;input type="file"&gt;.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string formName, string fileField, string fileName, byte[] content)
    {
        var page = await Send(client, HttpMethod.Get, url, null, null);
        var hidden = HiddenFields(await page.Content.ReadAsStringAsync(), formName);
        var antiforgeryCookie = string.Join("; ", page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in hidden)
        {
            form.Add(new StringContent(value), key);
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("text/csv");
        form.Add(file, fileField, fileName);
        return await Send(client, HttpMethod.Post, url, form, antiforgeryCookie);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, HttpContent? content, string? cookie)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (!string.IsNullOrEmpty(cookie))
        {
            request.Headers.Add("Cookie", cookie);
        }
        return client.SendAsync(request);
    }

    [GeneratedRegex("<form\\b[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenRegex();

    [GeneratedRegex("action=\"(?<action>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionRegex();
}
