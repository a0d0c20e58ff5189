namespace Weerbaar.Analysis.Allocation;

/// <summary>Everything an allocation run divides: resources, where they are, and who needs them.</summary>
public sealed record AllocationInput(
    IReadOnlyList<AllocationResource> Resources,
    IReadOnlyList<AllocationPoint> Points,
    IReadOnlyList<AllocationStock> Stock,
    IReadOnlyList<AllocationGroup> Groups,
    IReadOnlyList<AllocationDemand> Demand);
