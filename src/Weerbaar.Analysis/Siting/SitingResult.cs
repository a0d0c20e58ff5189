namespace Weerbaar.Analysis.Siting;

/// <summary>
/// The answer of a siting run. Weights are the effective weights (Weight, or Weight × Priority with
/// <see cref="SitingOptions.WeightByPriority"/>); distances include the detour factor.
/// </summary>
/// <param name="Message">Dutch, one or two sentences, for a municipal coordinator (e.g. why infeasible).</param>
/// <param name="Objective">Covered weight (MaximalCovering), weighted distance in metres (PMedian) or number of new sites (SetCovering), recomputed from the answer.</param>
/// <param name="BestBound">A proven bound on the optimum: at least the objective when maximising, at most it when minimising; NaN when unknown.</param>
/// <param name="Gap">|BestBound − Objective| / max(|Objective|, 1e-9); 0 when optimal, NaN when the bound is unknown.</param>
/// <param name="OpenSites">Candidate indices open in the answer (fixed + new), ascending.</param>
/// <param name="NewSites">The non-fixed sites chosen, ascending.</param>
/// <param name="AssignedSite">Per demand: the nearest open site; with capacity the site serving the largest share (the nearest open site when none serves it); null when no site is open.</param>
/// <param name="DistanceMeters">Per demand: distance to <paramref name="AssignedSite"/>, +∞ when none.</param>
/// <param name="CoveredWeight">Weight within the norm of an open site; with capacity the weight actually assigned within the norm.</param>
/// <param name="CoveredShare">CoveredWeight / total weight.</param>
/// <param name="WeightedDistance">Σ weight × <paramref name="DistanceMeters"/> (p-median with capacity: Σ weight × share × distance over the assignments); +∞ when a demand with weight has no open site.</param>
public sealed record SitingResult(
    SitingStatus Status,
    string Message,
    double Objective,
    double BestBound,
    double Gap,
    TimeSpan Elapsed,
    IReadOnlyList<int> OpenSites,
    IReadOnlyList<int> NewSites,
    IReadOnlyList<int?> AssignedSite,
    IReadOnlyList<double> DistanceMeters,
    double CoveredWeight,
    double CoveredShare,
    double WeightedDistance)
{
    /// <summary>With <see cref="SitingOptions.UseCapacity"/>: who is served by which site, in shares; empty otherwise.</summary>
    public IReadOnlyList<SitingAssignment> Assignments { get; init; } = [];

    /// <summary>The relative gap formula used everywhere: |bound − objective| / max(|objective|, 1e-9).</summary>
    public static double GapOf(double objective, double bound)
        => double.IsNaN(bound) ? double.NaN : Math.Abs(bound - objective) / Math.Max(Math.Abs(objective), 1e-9);
}
