using Microsoft.AspNetCore.Identity;

namespace Weerbaar.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The gemeente a coordinator or lezer belongs to.</summary>
    public string? GemeenteCode { get; set; }
    /// <summary>The veiligheidsregio a regio user reads.</summary>
    public string? VeiligheidsregioCode { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
