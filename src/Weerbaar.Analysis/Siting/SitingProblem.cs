namespace Weerbaar.Analysis.Siting;

/// <summary>
/// The core's input: a network of distances plus weights, fixed sites and capacities — no coordinates, so the
/// OR-Library p-median (graph distances) uses the same models as the map (haversine × detour).
/// </summary>
internal sealed class SitingProblem
{
    public required SitingNetwork Network { get; init; }

    /// <summary>Objective weight per demand (Weight, or Weight × Priority).</summary>
    public required double[] Weights { get; init; }

    /// <summary>Residents per demand: what capacity is measured in.</summary>
    public required double[] Residents { get; init; }

    public required bool[] Fixed { get; init; }

    /// <summary>Capacity per site; +∞ when unlimited or when capacity is not used.</summary>
    public required double[] Capacity { get; init; }

    public required SitingObjective Objective { get; init; }

    public int NewSites { get; init; }

    /// <summary>Covered means distance ≤ this (the network of a covering model holds only such pairs).</summary>
    public double NormDistance { get; init; } = double.PositiveInfinity;

    public double TargetShare { get; init; }

    public bool UseCapacity { get; init; }

    public TimeSpan TimeLimit { get; init; } = SitingOptions.DefaultTimeLimit;

    public double RelativeGap { get; init; }

    public int Seed { get; init; }

    public int DemandCount => Weights.Length;

    public int SiteCount => Fixed.Length;

    public double TotalWeight => Weights.Sum();

    public double TotalResidents => Residents.Sum();

    /// <summary>The weight that must be covered in a set-covering run.</summary>
    public double TargetWeight => TargetShare * TotalWeight;

    public bool Maximises => Objective == SitingObjective.MaximalCovering;
}

/// <summary>A solution of the core: which sites are open and, with capacity, who is served where.</summary>
internal sealed record SitingSolution(bool[] Open, IReadOnlyList<SitingAssignment> Assignments);
