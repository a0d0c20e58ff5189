namespace Weerbaar.Analysis.Allocation;

/// <summary>A demand group with its priority tier and needs, e.g. zorgafhankelijk-thuis in tier 1.</summary>
/// <param name="Name">Dutch, used in explanations (e.g. "zorgafhankelijk thuis").</param>
/// <param name="Tier">1 = served first; equal tiers are treated alike.</param>
/// <param name="NeedPerPersonPerPeriod">Per resource id; a missing resource means no need.</param>
public sealed record AllocationGroup(string Id, string Name, int Tier, IReadOnlyDictionary<string, double> NeedPerPersonPerPeriod);
