using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Weerbaar.Web.Tests.Sso;

/// <summary>
/// A browser reduced to what the login round trip needs: a cookie jar, redirects followed hop by hop (also from the
/// https app to the http provider, which HttpClient refuses to do itself) and the provider's auto-submitting
/// response_mode=form_post page posted as its script would.
/// </summary>
public sealed partial class SsoBrowser : IDisposable
{
    private readonly HttpClient _client;

    public CookieContainer Cookies { get; } = new();
    public List<Uri> Visited { get; } = [];

    public SsoBrowser(X509Certificate2 trustedAppCertificate)
    {
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && certificate.GetCertHashString() == trustedAppCertificate.GetCertHashString();
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public sealed record Page(Uri Url, HttpStatusCode Status, string Html);

    public Task<Page> GetAsync(Uri url) => NavigateAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<Page> PostAsync(Uri url, IEnumerable<KeyValuePair<string, string>> fields)
        => NavigateAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Posts the form whose action is <paramref name="action"/> on <paramref name="page"/> with its hidden fields.</summary>
    public Task<Page> SubmitAsync(Page page, string action)
    {
        var form = FormRegex().Matches(page.Html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["action"].Value) == action)
            ?? throw new InvalidOperationException($"Geen formulier met action '{action}' op {page.Url}.");
        return PostAsync(new Uri(page.Url, action), HiddenFields(form.Value));
    }

    private async Task<Page> NavigateAsync(HttpRequestMessage request)
    {
        for (var hop = 0; hop < 20; hop++)
        {
            Visited.Add(request.RequestUri!);
            using var response = await _client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
                continue;
            }
            // The provider answers the authorization request with a page that posts the code back to the app.
            if (status == 200 && AutoPostRegex().Match(html) is { Success: true } autoPost)
            {
                var target = new Uri(WebUtility.HtmlDecode(autoPost.Groups["action"].Value));
                request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(HiddenFields(autoPost.Value)) };
                continue;
            }
            return new Page(request.RequestUri!, response.StatusCode, html);
        }
        throw new InvalidOperationException("Meer dan 20 doorverwijzingen: " + string.Join(" → ", Visited));
    }

    public string? Cookie(Uri site, string name) => Cookies.GetCookies(site).FirstOrDefault(c => c.Name == name)?.Value;

    private static List<KeyValuePair<string, string>> HiddenFields(string form)
        => HiddenRegex().Matches(form)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("""<form[^>]*action="(?<action>[^"]*)"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("""<form[^>]*method="post"[^>]*action="(?<action>https?://[^"]*)"[^>]*>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex AutoPostRegex();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]*)"[^>]*value="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenRegex();
}
