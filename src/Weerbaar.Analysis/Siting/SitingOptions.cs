namespace Weerbaar.Analysis.Siting;

/// <summary>What to optimise and the norms to do it by.</summary>
/// <param name="NewSites">k: the most new sites to open (MaximalCovering, PMedian); ignored by SetCovering.</param>
/// <param name="NormDistanceMeters">A demand is covered when straight-line distance × <paramref name="DetourFactor"/> ≤ this norm.</param>
/// <param name="DetourFactor">Route length over straight-line distance; every distance in the models and the result includes it.</param>
/// <param name="TargetShare">SetCovering: the share of the total weight that must be covered.</param>
/// <param name="WeightByPriority">Weights become Weight × Priority (objective, covered weight, target).</param>
/// <param name="UseCapacity">Respect <see cref="SitingSite.Capacity"/> (residents, not priority-weighted): demand is assigned, fractions allowed, to open sites.</param>
/// <param name="TimeLimit">Wall-clock limit of the solver; default 30 s.</param>
/// <param name="RelativeGap">Stop when the gap is at most this (0 = prove optimality).</param>
/// <param name="Seed">Random seed of the solver (and of nothing else).</param>
public sealed record SitingOptions(
    SitingObjective Objective,
    int NewSites,
    double NormDistanceMeters = 1000,
    double DetourFactor = 1.3,
    double TargetShare = 0.9,
    bool WeightByPriority = false,
    bool UseCapacity = false,
    TimeSpan? TimeLimit = null,
    double RelativeGap = 0,
    int Seed = 0)
{
    /// <summary>The time limit when none is given.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary><see cref="TimeLimit"/> or the default.</summary>
    public TimeSpan EffectiveTimeLimit => TimeLimit ?? DefaultTimeLimit;
}
