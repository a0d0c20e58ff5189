namespace Weerbaar.Analysis.Siting;

/// <summary>From the public records to the core's problem, and the checks that need the network (feasibility).</summary>
internal static class SitingInput
{
    public static SitingProblem ToProblem(IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, SitingOptions options)
    {
        // Covering models only ever look within the norm; the p-median needs every pair.
        var reach = options.Objective == SitingObjective.PMedian ? double.PositiveInfinity : options.NormDistanceMeters;
        return new SitingProblem
        {
            Network = SitingNetwork.FromCoordinates(demand, sites, options.DetourFactor, reach),
            Weights = [.. demand.Select(d => options.WeightByPriority ? d.Weight * d.Priority : d.Weight)],
            Residents = [.. demand.Select(d => d.Weight)],
            Fixed = [.. sites.Select(s => s.Fixed)],
            Capacity = [.. sites.Select(s => options.UseCapacity ? s.Capacity ?? double.PositiveInfinity : double.PositiveInfinity)],
            Objective = options.Objective,
            NewSites = options.Objective == SitingObjective.SetCovering ? sites.Count(s => !s.Fixed) : options.NewSites,
            NormDistance = options.NormDistanceMeters,
            TargetShare = options.TargetShare,
            UseCapacity = options.UseCapacity,
            TimeLimit = options.EffectiveTimeLimit,
            RelativeGap = options.RelativeGap,
            Seed = options.Seed,
        };
    }

    /// <summary>The nearest open site by coordinates, for demand points the (sparse) network connects to none.</summary>
    public static SitingEvaluation.NearestOutside NearestOutside(
        IReadOnlyList<SitingDemand> demand, IReadOnlyList<SitingSite> sites, double detourFactor)
        => (i, open) =>
        {
            var best = open.MinBy(j => SitingNetwork.Distance(demand[i], sites[j], detourFactor));
            return (best, SitingNetwork.Distance(demand[i], sites[best], detourFactor));
        };

    /// <summary>Why no solution can exist, found before solving; null when nothing obvious stands in the way.</summary>
    public static string? Infeasibility(SitingProblem p)
    {
        switch (p.Objective)
        {
            case SitingObjective.SetCovering:
                var reachable = Enumerable.Range(0, p.DemandCount).Where(i => p.Network.Sites[i].Length > 0).Sum(i => p.Weights[i]);
                return reachable < p.TargetWeight - GreedyCore.Tolerance(p.TotalWeight)
                    ? SitingMessages.TargetUnreachable(p, p.TotalWeight > 0 ? reachable / p.TotalWeight : 0)
                    : null;
            case SitingObjective.PMedian when p.NewSites == 0 && !p.Fixed.Any(f => f):
                return SitingMessages.NoSiteOpen;
            case SitingObjective.PMedian when p.UseCapacity:
                var capacity = Enumerable.Range(0, p.SiteCount).Where(j => p.Fixed[j]).Sum(j => p.Capacity[j])
                    + Enumerable.Range(0, p.SiteCount).Where(j => !p.Fixed[j]).Select(j => p.Capacity[j])
                        .OrderDescending().Take(p.NewSites).Sum();
                return capacity < p.TotalResidents - GreedyCore.Tolerance(p.TotalResidents)
                    ? SitingMessages.CapacityShort(capacity, p.TotalResidents)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Only the fixed sites open (the answer shown beside an infeasible or invalid run).</summary>
    public static SitingSolution FixedOnly(SitingProblem p) => new([.. p.Fixed], []);
}
