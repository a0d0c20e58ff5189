namespace Weerbaar.Analysis.Planning;

/// <summary>Planned against available staff in one month.</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="PlannedFte">Sum over the actions of FTE × (days it runs in the month / days in the month).</param>
/// <param name="Contributions">The actions running in the month with their share of <paramref name="PlannedFte"/>, largest first.</param>
public sealed record MonthCapacity(DateOnly Month, double PlannedFte, double AvailableFte, IReadOnlyList<ActionLoad> Contributions)
{
    /// <summary>Planned FTE above available; 0 when it fits.</summary>
    public double OverBy => Math.Max(0, PlannedFte - AvailableFte);

    /// <summary>True when more is planned than available (beyond rounding).</summary>
    public bool IsOverAllocated => OverBy > CapacityPlan.Tolerance;
}
