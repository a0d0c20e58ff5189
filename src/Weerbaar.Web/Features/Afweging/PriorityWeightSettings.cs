using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Afweging;

/// <summary>
/// A gemeente's weights for the priority of scenarios: per criterion an interval (exact when low = high), and the
/// pairwise comparisons they were derived from when AHP was used. Without a row the defaults hold.
/// </summary>
public sealed class PriorityWeightSettings : ITenantOwned
{
    public required string GemeenteCode { get; set; }
    /// <summary>JSON: the weights as the priority model reads them.</summary>
    public required string WeightsJson { get; set; }
    /// <summary>JSON: the pairwise comparison matrix, when the weights came from AHP.</summary>
    public string? PairwiseJson { get; set; }
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
