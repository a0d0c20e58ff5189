using Weerbaar.Web.Data;

namespace Weerbaar.Web.Features.Coverage;

/// <summary>A gemeente's own norms for noodsteunpunten coverage; without a row the defaults of <see cref="CoverageNormCatalog"/> hold.</summary>
public sealed class CoverageSettings : ITenantOwned
{
    public required string GemeenteCode { get; set; }
    public int NormDistanceMeters { get; set; }
    public double DetourFactor { get; set; }
    public int ResidentsPerPoint { get; set; }
    /// <summary>Optimistic concurrency: two coordinators do not overwrite each other unseen.</summary>
    public int Version { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
