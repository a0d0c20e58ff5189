using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// The college's choice which crisis to prepare for first, with its rationale and the version of every input it rested
/// on. Never changed once stored: a correction is a new record that names the one it corrects.
/// </summary>
public sealed class DecisionRecord : ITenantOwned
{
    public const int MaxTitle = 300;
    public const int MaxText = 8000;
    public const int MaxName = 200;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    /// <summary>1, 2, … per gemeente, in the order recorded.</summary>
    public int Number { get; set; }
    public required string ScenarioCode { get; set; }
    public required string ScenarioName { get; set; }
    public required string Title { get; set; }
    public required string Rationale { get; set; }
    public DateOnly DecisionDate { get; set; }
    public required string PreparedBy { get; set; }
    public required string ApprovedBy { get; set; }
    /// <summary>JSON: the inputs as they were when recorded (library, method, assessments, weights, scan, foto — with versions) and the ranking.</summary>
    public required string InputsJson { get; set; }
    /// <summary>The record this one corrects, if any.</summary>
    public Guid? CorrectsId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
