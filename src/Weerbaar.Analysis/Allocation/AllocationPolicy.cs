namespace Weerbaar.Analysis.Allocation;

/// <summary>How scarce stock is divided.</summary>
public enum AllocationPolicy
{
    /// <summary>Lexicographic by tier: per tier max-min fairness, then as much as possible, before the next tier.</summary>
    StrictPriority,

    /// <summary>Per period and point, the stock shared in proportion to the need of those served there (closed form, no solver).</summary>
    Proportional,

    /// <summary>Max-min fairness over everyone, tiers ignored, then as much as possible.</summary>
    MaxMin,
}
