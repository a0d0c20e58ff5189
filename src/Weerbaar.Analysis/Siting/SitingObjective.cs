namespace Weerbaar.Analysis.Siting;

/// <summary>What the siting models optimise (formulations in README.md next to this file).</summary>
public enum SitingObjective
{
    /// <summary>Open k new sites so that the covered weight is as large as possible.</summary>
    MaximalCovering,

    /// <summary>Open k new sites so that the weighted distance to the assigned open site is as small as possible.</summary>
    PMedian,

    /// <summary>Open as few new sites as possible so that at least the target share of the weight is covered.</summary>
    SetCovering,
}
