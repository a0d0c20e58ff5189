using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Programme;

/// <summary>A reported change in an action's progress, with its evidence. Kept as history; never changed.</summary>
public sealed class ActionStatusUpdate : ITenantOwned
{
    public const int MaxText = 4000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public Guid ActionId { get; set; }
    /// <summary>The day the progress is reported for.</summary>
    public DateOnly Date { get; set; }
    /// <summary>The status from this day on (<see cref="ActionStatus"/>).</summary>
    public required string Status { get; set; }
    public string? Note { get; set; }
    /// <summary>What shows it: a document, a decision, a link.</summary>
    public string? Evidence { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
