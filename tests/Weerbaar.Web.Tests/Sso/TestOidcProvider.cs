using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Weerbaar.Web.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Weerbaar.Web.Tests.Sso;

/// <summary>Who the provider signs in at its authorize endpoint (no login UI): the test sets it before each login.</summary>
public sealed record TestIdentity(string Subject, string? Email, bool? EmailVerified = true, string Name = "Test Persoon");

/// <summary>
/// A real OpenID Connect provider (OpenIddict server, authorization code flow with PKCE) on Kestrel at
/// http://127.0.0.1:{free port}, with one confidential client registered for the app under test. Its signing and
/// encryption certificates are made for this run only. The authorize endpoint signs in <see cref="NextUser"/> without
/// a UI, or refuses (access_denied) when it is null, as a user who cancels at the provider would.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "weerbaar-test";
    public const string ClientSecret = "test-geheim-voor-de-sso-round-trip";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;

    public Uri Authority { get; }
    public TestIdentity? NextUser { get; set; }

    /// <summary>Every request to the end-session endpoint, as received (RP-initiated logout).</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string?>> EndSessionRequests { get; } = new();

    private TestOidcProvider(WebApplication app, SqliteConnection store, Uri authority)
    {
        _app = app;
        _store = store;
        Authority = authority;
    }

    public static async Task<TestOidcProvider> StartAsync(Uri appBaseAddress)
    {
        var port = TestCertificates.FreePort();
        var authority = new Uri($"http://127.0.0.1:{port}/");
        // OpenIddict's application store in an in-memory SQLite database that lives as long as this connection.
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(authority.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDbContext>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddSigningCertificate(TestCertificates.Create("Weerbaar test-IdP ondertekening", X509KeyUsageFlags.DigitalSignature))
                    .AddEncryptionCertificate(TestCertificates.Create("Weerbaar test-IdP versleuteling", X509KeyUsageFlags.KeyEncipherment));
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Plain http on loopback for the test only; the app under test allows it by its RequireHttpsMetadata=false.
                    .DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        var provider = new TestOidcProvider(app, store, authority);

        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
            if (provider.NextUser is not { } user)
            {
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name);
            if (user.Email is not null)
            {
                identity.SetClaim(Claims.Email, user.Email);
            }
            if (user.EmailVerified is { } verified)
            {
                identity.SetClaim(Claims.EmailVerified, verified);
            }
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Geen OpenID Connect-verzoek.");
            provider.EndSessionRequests.Enqueue(request.GetParameters().ToDictionary(p => p.Key, p => (string?)p.Value));
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { new Uri(appBaseAddress, "/signin-oidc") },
                PostLogoutRedirectUris = { new Uri(appBaseAddress, "/signout-callback-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email,
                    Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }
}

/// <summary>Holds OpenIddict's applications, authorizations and tokens for the test provider.</summary>
public sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
