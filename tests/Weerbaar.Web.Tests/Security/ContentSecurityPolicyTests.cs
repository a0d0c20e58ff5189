using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Security;

/// <summary>
/// Every page carries the strict Content-Security-Policy, with its own nonce, and no inline script runs without it.
/// The E2E test ContentSecurityPolicyTests proves in Chromium that the pages (maps, charts) work under it.
/// </summary>
public abstract partial class ContentSecurityPolicyTests(AppFixture fixture)
{
    private WeerbaarFactory App => fixture.Factory;
    private const string Gemeente = "GM0344";

    private const string ExpectedWithoutTiles = "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [GeneratedRegex("<script\\b([^>]*)>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("\\bnonce=\"([^\"]*)\"")]
    private static partial Regex NonceAttribute();

    [GeneratedRegex("\\btype=\"([^\"]*)\"")]
    private static partial Regex TypeAttribute();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("\\sstyle=\"", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [Fact]
    public async Task Pages_carry_the_policy_and_no_inline_script_runs_without_the_nonce()
    {
        var onderzoeker = await App.UserAsync(Roles.Onderzoeker);
        var created = await onderzoeker.PostAsJsonAsync("/api/v1/rounds", new { instrument = "weerbaarheidsscan-2025", name = "CSP " + Guid.NewGuid().ToString("N")[..6], opensOn = "2025-12-15", closesOn = "2099-01-15" });
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var coordinator = await App.UserAsync(Roles.Coordinator, Gemeente);
        var anonymous = App.Anonymous();

        var pages = new (HttpClient Client, string Url, HttpStatusCode Status)[]
        {
            (coordinator, "/", HttpStatusCode.OK),
            (anonymous, "/inloggen", HttpStatusCode.OK),
            (coordinator, $"/gemeenten/{Gemeente}", HttpStatusCode.OK),
            (coordinator, $"/gemeenten/{Gemeente}/foto", HttpStatusCode.OK),
            (onderzoeker, $"/onderzoek/rondes/{round}/rapport", HttpStatusCode.OK),
            (anonymous, "/api/docs", HttpStatusCode.OK),
            (coordinator, "/bestaat/niet", HttpStatusCode.NotFound),
            (coordinator, "/gemeenten/GM0363/foto", HttpStatusCode.Forbidden),
        };
        var nonces = new HashSet<string>();
        foreach (var (client, url, status) in pages)
        {
            var response = await client.GetAsync(url);
            Assert.True(status == response.StatusCode, $"{url}: {response.StatusCode}");
            var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            var nonce = NonceSource().Match(policy).Groups[1].Value;
            Assert.True(Convert.FromBase64String(nonce).Length == 16, $"{url}: nonce {nonce}");
            Assert.True(nonces.Add(nonce), $"{url}: nonce reused");
            Assert.Equal(ExpectedWithoutTiles.Replace("{0}", nonce, StringComparison.Ordinal), policy);

            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
            foreach (Match script in ScriptElement().Matches(html))
            {
                var attributes = script.Groups[1].Value;
                var type = TypeAttribute().Match(attributes) is { Success: true } t ? t.Groups[1].Value : "";
                // Data blocks (type application/json) are never executed, so the policy does not govern them.
                var executable = type is "" or "text/javascript" or "module";
                var inline = !attributes.Contains("src=", StringComparison.Ordinal);
                if (executable && inline)
                {
                    Assert.True(NonceAttribute().Match(attributes) is { Success: true } n && n.Groups[1].Value == nonce, $"{url}: inline script without this response's nonce: {script.Value[..Math.Min(120, script.Value.Length)]}");
                }
            }
            // style-src has no 'unsafe-inline': a style attribute in the markup would be refused.
            Assert.False(StyleAttribute().IsMatch(html), $"{url}: style attribute in the markup");
        }
    }

    [Fact]
    public async Task Api_and_static_responses_carry_the_policy_too()
    {
        var client = await App.UserAsync(Roles.Coordinator, Gemeente);
        foreach (var url in new[] { "/api/v1/gemeenten", "/openapi/v1.json" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, url);
            Assert.StartsWith("default-src 'self'; script-src 'self' 'nonce-", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tile_host_and_identity_provider_are_the_only_other_origins()
    {
        Assert.Equal("https://service.pdok.nl", SecurityHeaders.TileOrigin("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"));
        Assert.Equal("https://*.tile.openstreetmap.org", SecurityHeaders.TileOrigin("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"));
        Assert.Equal("http://localhost:8080", SecurityHeaders.TileOrigin("http://localhost:8080/tiles/{z}/{x}/{y}.png"));
        Assert.Null(SecurityHeaders.TileOrigin(""));
        Assert.Throws<InvalidOperationException>(() => SecurityHeaders.TileOrigin("tiles/{z}/{x}/{y}.png"));

        var policy = SecurityHeaders.ContentSecurityPolicy("abc", "https://service.pdok.nl", "https://login.example.nl");
        Assert.Contains("img-src 'self' data: https://service.pdok.nl;", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' https://login.example.nl;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteContentSecurityPolicyTests(SqliteAppFixture fixture) : ContentSecurityPolicyTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresContentSecurityPolicyTests(PostgresAppFixture fixture) : ContentSecurityPolicyTests(fixture);
