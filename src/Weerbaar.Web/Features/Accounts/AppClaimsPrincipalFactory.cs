using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Weerbaar.Web.Shared.Tenancy;

namespace Weerbaar.Web.Features.Accounts;

/// <summary>Adds the user's gemeente, veiligheidsregio and display name to the cookie and bearer token.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WeerbaarClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.GemeenteCode is { } gemeente)
        {
            identity.AddClaim(new Claim(WeerbaarClaims.Gemeente, gemeente));
        }
        if (user.VeiligheidsregioCode is { } regio)
        {
            identity.AddClaim(new Claim(WeerbaarClaims.Veiligheidsregio, regio));
        }
        return identity;
    }
}
