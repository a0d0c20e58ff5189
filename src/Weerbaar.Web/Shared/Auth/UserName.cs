using System.Security.Claims;

namespace Weerbaar.Web.Shared.Auth;

public static class UserName
{
    /// <summary>The signed-in user's name (e-mail) as stored with what they change; "?" when there is none.</summary>
    public static string NameOrUnknown(this ClaimsPrincipal user) => user.Identity?.Name ?? "?";
}
