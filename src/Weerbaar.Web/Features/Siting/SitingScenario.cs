using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Siting;

/// <summary>A siting result the gemeente saved under a name; adopting it adds its new sites to the register as gepland.</summary>
public sealed class SitingScenario : ITenantOwned
{
    public const int MaxName = 200;

    public Guid Id { get; set; }
    public required string GemeenteCode { get; set; }
    public required string Name { get; set; }
    /// <summary>The job the result came from.</summary>
    public Guid JobId { get; set; }
    /// <summary>The <see cref="SitingRunResult"/> as JSON.</summary>
    public required string ResultJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? AdoptedAt { get; set; }
    public string? AdoptedBy { get; set; }
    /// <summary>How many noodsteunpunten adopting added.</summary>
    public int AdoptedPoints { get; set; }
}
