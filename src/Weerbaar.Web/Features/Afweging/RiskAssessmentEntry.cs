using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// A gemeente's assessment of one scenario (library or own) on the risk method, as typed ("C", "B–C", "X"), with its
/// own judgement of how well prepared it is. One row per gemeente and scenario.
/// </summary>
public sealed class RiskAssessmentEntry : ITenantOwned
{
    public const int MaxText = 4000;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public required string ScenarioCode { get; set; }
    /// <summary>The risk method version the classes were given on (<see cref="Analysis.Risk.RiskMethod.Version"/>).</summary>
    public required string MethodVersion { get; set; }
    public string? Likelihood { get; set; }
    /// <summary>Per impact criterion id: its class or range as typed.</summary>
    public Dictionary<string, string> Impacts { get; set; } = [];
    /// <summary>The gemeente's own judgement of its preparedness for this scenario, 1 (niet) to 5 (goed); null when not given.</summary>
    public int? OwnPreparedness { get; set; }
    public string? Rationale { get; set; }
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
