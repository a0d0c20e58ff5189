using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Accounts;

/// <summary>A one-time link that lets a new user choose a password. Only the SHA-256 of the token is stored.</summary>
public sealed class UserInvitation : ITenantOwned
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    /// <summary>Empty for national roles; the filter then shows the invitation only to national users.</summary>
    public string GemeenteCode { get; set; } = "";
    public string? VeiligheidsregioCode { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public required string CreatedBy { get; set; }
}
