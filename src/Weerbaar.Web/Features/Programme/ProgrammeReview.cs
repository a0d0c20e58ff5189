using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>A periodic (usually quarterly) review of the programme, with a snapshot of its state that day. Never changed.</summary>
public sealed class ProgrammeReview : ITenantOwned
{
    public const int MaxText = 8000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>1, 2, … per gemeente.</summary>
    public int Number { get; set; }
    /// <summary>e.g. "2027 K1".</summary>
    public required string Period { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Summary { get; set; }
    /// <summary>JSON: actions with status, progress per pillar, overdue deadlines, capacity and budget on the day.</summary>
    public required string SnapshotJson { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
