using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.SelfReliance;

/// <summary>
/// A gemeente's own values for the assumptions behind the "niet 72 uur zelfredzaam" estimate (e.g. the share of
/// 75-plussers who live alone). Missing keys fall back to the documented defaults.
/// </summary>
public sealed class SelfRelianceAssumptions : ITenantOwned
{
    public required string GemeenteCode { get; set; }
    public Dictionary<string, string> Values { get; set; } = [];
    /// <summary>Optimistic concurrency: two coordinators do not overwrite each other unseen.</summary>
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
