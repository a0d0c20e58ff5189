namespace Weerbaar.Web.Features.Email;

/// <summary>
/// An e-mail written in the same transaction as the change that caused it; <see cref="OutboxWorker"/> sends it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>The .eml file written when mail goes to the pickup folder.</summary>
    public string? PickupFile { get; set; }
}
