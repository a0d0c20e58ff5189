using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
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
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.SchemeName);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
