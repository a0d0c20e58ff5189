using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Weerbaar.Web.Data;
using Weerbaar.Web.Features.Accounts;
using Weerbaar.Web.Shared.Api;

namespace Weerbaar.Web.Shared.Auth;

public static class AuthenticationSetup
{
    /// <summary>Chooses the bearer scheme for "Authorization: Bearer …" requests and the cookie otherwise.</summary>
    public const string Scheme = "Weerbaar";

    public static IServiceCollection AddWeerbaarAuthentication(this IServiceCollection services, IConfiguration config)
    {
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie of bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
            });
        auth.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            o.LoginPath = "/inloggen";
            o.LogoutPath = "/uitloggen";
            o.AccessDeniedPath = "/geen-toegang";
            o.Cookie.Name = "weerbaar.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        }));

        var oidc = config.GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (oidc?.IsConfigured == true)
        {
            var problems = oidc.Validate();
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("Onvolledige OpenID Connect-configuratie: " + string.Join(" ", problems));
            }
            auth.AddOpenIdConnect(OidcOptions.SchemeName, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/signin-oidc";
                o.Scope.Add("email");
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                // A refusal or error at the provider (the user cancels, access_denied, an expired round trip) is a
                // Dutch message on the login page, not an exception page.
                o.Events.OnRemoteFailure = ctx =>
                {
                    ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthenticationSetup))
                        .LogWarning(ctx.Failure, "OpenID Connect login failed at or after the provider.");
                    ctx.Response.Redirect("/inloggen?extern=mislukt");
                    ctx.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();
        // A deactivated user or changed role takes effect within a minute, also for open sessions.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return services;
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.IsApiRequest())
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Optional single sign-on (Weerbaar:Oidc). Users still need an account: the e-mail claim must match one.</summary>
public sealed class OidcOptions
{
    public const string Section = "Weerbaar:Oidc";
    public const string SchemeName = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "Inloggen met uw organisatieaccount";
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
        {
            problems.Add("Weerbaar:Oidc:Authority moet een absolute URL zijn.");
        }
        else if (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add("Weerbaar:Oidc:Authority moet https gebruiken (of zet RequireHttpsMetadata op false voor een testomgeving).");
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("Weerbaar:Oidc:ClientId ontbreekt.");
        }
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("Weerbaar:Oidc:ClientSecret ontbreekt.");
        }
        return problems;
    }
}
