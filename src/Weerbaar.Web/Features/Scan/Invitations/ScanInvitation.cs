using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scan.Invitations;

/// <summary>A gemeente's personal link to a round. The token is the respondent's credential; only its SHA-256 is stored.</summary>
public sealed class ScanInvitation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public required string GemeenteCode { get; set; }
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactRole { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the invitation e-mail was queued (on creation in an open round, or when the round opens).</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    /// <summary>
    /// The token encrypted with data protection, so the invitation can be sent when the round opens and reminders can
    /// repeat the same link. Lookups never use it (they go by <see cref="TokenHash"/>); it is erased when the round closes.
    /// </summary>
    public string? ProtectedToken { get; set; }
    public DateTimeOffset? OptedOutAt { get; set; }
    public int RemindersSent { get; set; }
    public DateTimeOffset? LastReminderAt { get; set; }
}
