using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Scan.Responses;

public enum ResponseStatus
{
    InProgress,
    Submitted,
}

/// <summary>One gemeente's answers in a round. Answers are kept as codes, exactly as in the response file.</summary>
public sealed class ScanResponse : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>Unique within the round; for web responses the invitation id.</summary>
    public required string RespondentId { get; set; }
    public Guid? InvitationId { get; set; }
    public ResponseStatus Status { get; set; }
    /// <summary>Optimistic concurrency: every save increments it; a save with an older version is refused.</summary>
    public int Version { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
    /// <summary>The ingevuld_op value as given (ISO 8601), kept verbatim so export round-trips.</summary>
    public string? CompletedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public required string Source { get; set; }
    /// <summary>Order within the round (import order, then arrival), so an export lists rows as they came in.</summary>
    public int Position { get; set; }
}
