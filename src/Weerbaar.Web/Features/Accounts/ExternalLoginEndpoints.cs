using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Weerbaar.Web.Shared;
using Weerbaar.Web.Shared.Auth;

namespace Weerbaar.Web.Features.Accounts;

/// <summary>
/// Optional single sign-on through OpenID Connect (Weerbaar:Oidc). It only signs in existing, active accounts
/// whose e-mail address matches the verified e-mail claim: access is still granted by invitation.
/// </summary>
public static class ExternalLoginEndpoints
{
    public static IEndpointRouteBuilder MapExternalLoginEndpoints(this IEndpointRouteBuilder app, IConfiguration config)
    {
        if (config.GetSection(OidcOptions.Section).Get<OidcOptions>()?.IsConfigured != true)
        {
            return app;
        }
        app.MapGet("/inloggen/extern", (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = "/inloggen/extern/terug?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(returnUrl)) },
                [OidcOptions.SchemeName]))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/inloggen/extern/terug", async (string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("email");
            var verified = external.Principal?.FindFirstValue("email_verified");
            // Providers write the boolean as "false" or "False"; an address the provider has not verified never matches.
            var user = email is null || string.Equals(verified, "false", StringComparison.OrdinalIgnoreCase) ? null : await users.FindByEmailAsync(email);
            if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
            {
                return Results.LocalRedirect("/inloggen?extern=geweigerd");
            }
            var session = new AuthenticationProperties();
            if (external.Properties?.GetTokenValue("id_token") is { Length: > 0 } idToken)
            {
                session.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
            }
            await signIn.SignInAsync(user, session, authenticationMethod: OidcOptions.SchemeName);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// After the app session has ended: when it came from the provider (its id_token is in the cookie), the provider
    /// supports end-session and Weerbaar:Oidc:SignOutAtProvider is on, the logout continues there and comes back to
    /// the login page; otherwise null. A shared workstation then does not sign the next person in silently.
    /// </summary>
    public static async Task<IResult?> ProviderSignOutAsync(HttpContext http, string? idToken, string returnPath)
    {
        var config = http.RequestServices.GetRequiredService<IConfiguration>().GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (idToken is null || config is not { IsConfigured: true, SignOutAtProvider: true })
        {
            return null;
        }
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcOptions.SchemeName);
        OpenIdConnectConfiguration? metadata;
        try
        {
            metadata = options.ConfigurationManager is { } manager ? await manager.GetConfigurationAsync(http.RequestAborted) : null;
        }
        catch (InvalidOperationException e)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalLoginEndpoints))
                .LogWarning(e, "OpenID Connect metadata unavailable at logout; the session ended in Weerbaar only.");
            return null;
        }
        if (string.IsNullOrEmpty(metadata?.EndSessionEndpoint))
        {
            return null;
        }
        var properties = new AuthenticationProperties { RedirectUri = returnPath };
        properties.Items[OidcOptions.IdTokenHintItem] = idToken;
        return Results.SignOut(properties, [OidcOptions.SchemeName]);
    }
}
