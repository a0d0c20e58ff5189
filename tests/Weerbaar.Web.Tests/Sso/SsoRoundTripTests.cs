using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Tests.Infrastructure;

namespace Weerbaar.Web.Tests.Sso;

/// <summary>
/// The OpenID Connect login round trip end to end: the app on Kestrel over https (its own certificate), a real
/// OpenIddict provider on http://127.0.0.1, and a cookie-keeping client that follows every redirect and form post.
/// </summary>
public abstract class SsoRoundTripTests(AppFixture fixture) : IAsyncLifetime
{
    private const string Gemeente = "GM0163";
    private const string Password = "Sso-wachtwoord-2026";
    private const string AuthCookie = "weerbaar.auth";

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _tls = TestCertificates.Tls();
    private TestOidcProvider _provider = null!;
    private WeerbaarFactory _app = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        var port = TestCertificates.FreePort();
        _base = new Uri($"https://127.0.0.1:{port}/");
        _provider = await TestOidcProvider.StartAsync(_base);
        var shared = fixture.Factory;
        _app = new WeerbaarFactory(shared.Provider, shared.ConnectionString, shared.DataDirectory, new Dictionary<string, string>
        {
            ["Weerbaar:Oidc:Authority"] = _provider.Authority.ToString(),
            ["Weerbaar:Oidc:ClientId"] = TestOidcProvider.ClientId,
            ["Weerbaar:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
            // The test provider speaks plain http on loopback; production keeps the https default.
            ["Weerbaar:Oidc:RequireHttpsMetadata"] = "false",
        });
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(_tls)));
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
        _tls.Dispose();
    }

    private string Email(string who) => $"sso-{who}-{_app.Provider}@sso.weerbaar.test".ToLowerInvariant();

    private async Task<string> EnsureUserAsync(string who, string role, string? gemeente, bool active = true)
    {
        var email = Email(who);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await AccountSeeder.EnsureUserAsync(users, email, $"SSO {who}", role, gemeente, null, Password, TimeProvider.System);
        var user = (await users.FindByEmailAsync(email))!;
        user.IsActive = active;
        await users.UpdateAsync(user);
        return email;
    }

    private SsoBrowser Browser() => new(_tls);

    private Uri At(string path) => new(_base, path);

    private static void AssertPkceUsed(SsoBrowser browser, TestOidcProvider provider)
    {
        var authorize = Assert.Single(browser.Visited, u => u.AbsolutePath == "/connect/authorize" && u.Port == provider.Authority.Port);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_account_signs_in_through_the_provider_with_its_role_and_gemeente()
    {
        var email = await EnsureUserAsync("coordinator", Roles.Coordinator, Gemeente);
        // The provider may spell the address differently; accounts are matched on the normalised e-mail address.
        _provider.NextUser = new TestIdentity("idp-subject-coordinator", email.ToUpperInvariant());
        using var browser = Browser();

        var login = await browser.GetAsync(At("/inloggen"));
        Assert.Contains("href=\"/inloggen/extern?returnUrl=%2F\"", login.Html, StringComparison.Ordinal);

        var landed = await browser.GetAsync(At($"/inloggen/extern?returnUrl=%2Fgemeenten%2F{Gemeente}"));

        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Equal($"/gemeenten/{Gemeente}", landed.Url.AbsolutePath);
        AssertPkceUsed(browser, _provider);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == "/signin-oidc");
        Assert.NotNull(browser.Cookie(_base, AuthCookie));
        Assert.Contains("SSO coordinator", landed.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/gemeenten/{Gemeente}\"", landed.Html, StringComparison.Ordinal); // "Mijn gemeente"
        Assert.Contains("action=\"/uitloggen\"", landed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_unverified_or_inactive_account_is_refused_with_a_Dutch_message_and_no_session()
    {
        var inactive = await EnsureUserAsync("inactief", Roles.Lezer, Gemeente, active: false);
        var known = await EnsureUserAsync("onbevestigd", Roles.Lezer, Gemeente);
        TestIdentity[] refused =
        [
            new("idp-subject-unknown", "niemand-bekend@sso.weerbaar.test"),
            new("idp-subject-unverified", known, EmailVerified: false),
            new("idp-subject-inactive", inactive),
            new("idp-subject-no-email", null),
        ];
        foreach (var identity in refused)
        {
            _provider.NextUser = identity;
            using var browser = Browser();

            var page = await browser.GetAsync(At("/inloggen/extern?returnUrl=%2F"));

            Assert.Equal("/inloggen", page.Url.AbsolutePath);
            Assert.Contains("extern=geweigerd", page.Url.Query, StringComparison.Ordinal);
            Assert.Contains("geen actief Weerbaar-account met dat e-mailadres", page.Html, StringComparison.Ordinal);
            Assert.Null(browser.Cookie(_base, AuthCookie));
            var home = await browser.GetAsync(At("/"));
            Assert.Equal("/inloggen", home.Url.AbsolutePath);
        }
    }

    [Fact]
    public async Task A_refusal_at_the_provider_returns_to_the_login_page_with_a_Dutch_message()
    {
        _provider.NextUser = null; // the provider answers error=access_denied, as when the user cancels there
        using var browser = Browser();

        var page = await browser.GetAsync(At("/inloggen/extern?returnUrl=%2F"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/inloggen", page.Url.AbsolutePath);
        Assert.Contains("extern=mislukt", page.Url.Query, StringComparison.Ordinal);
        Assert.Contains("Inloggen via uw organisatie is niet gelukt", page.Html, StringComparison.Ordinal);
        Assert.Null(browser.Cookie(_base, AuthCookie));
    }

    [Fact]
    public async Task Logout_ends_the_app_session()
    {
        var email = await EnsureUserAsync("uitlogger", Roles.Lezer, Gemeente);
        _provider.NextUser = new TestIdentity("idp-subject-uitlogger", email);
        using var browser = Browser();
        var landed = await browser.GetAsync(At($"/inloggen/extern?returnUrl=%2Fgemeenten%2F{Gemeente}"));
        Assert.Equal($"/gemeenten/{Gemeente}", landed.Url.AbsolutePath);

        var after = await browser.SubmitAsync(landed, "/uitloggen");

        Assert.Equal("/inloggen", after.Url.AbsolutePath);
        Assert.Contains("uitgelogd=1", after.Url.Query, StringComparison.Ordinal);
        // Weerbaar ends its own session only (no RP-initiated logout): the provider is never asked to end its session.
        Assert.Empty(_provider.EndSessionRequests);
        Assert.Null(browser.Cookie(_base, AuthCookie));
        var again = await browser.GetAsync(At($"/gemeenten/{Gemeente}"));
        Assert.Equal("/inloggen", again.Url.AbsolutePath);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteSsoRoundTripTests(SqliteAppFixture fixture) : SsoRoundTripTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PostgresSsoRoundTripTests(PostgresAppFixture fixture) : SsoRoundTripTests(fixture);
