using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Allocation;

/// <summary>
/// A gemeente's plan for dividing scarce goods: resources with stock and deliveries per period at its noodsteunpunten,
/// demand groups with needs and priority tiers, and the policy options. Without a row the defaults hold.
/// </summary>
public sealed class AllocationPlan : ITenantOwned
{
    public required string GemeenteCode { get; set; }
    /// <summary>JSON: the plan's settings.</summary>
    public required string SettingsJson { get; set; }
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
