namespace Weerbaar.Analysis.Allocation;

/// <summary>Need and service of one resource summed over a part of the demand (a group, a buurt, a period or a tier).</summary>
/// <param name="Key">The group id, buurt id, period number or tier number.</param>
public sealed record AllocationShortfall(string ResourceId, string Key, double Need, double Served)
{
    /// <summary>Unmet need, in the resource's unit.</summary>
    public double Unmet => Math.Max(0, Need - Served);

    /// <summary>Served / need; 1 when there is no need.</summary>
    public double ServiceFraction => Need > 0 ? Math.Min(1, Served / Need) : 1;
}
