namespace Weerbaar.Analysis.Allocation;

/// <summary>One buurt's demand group and one resource over the horizon.</summary>
/// <param name="Need">Per period: people × need per person.</param>
/// <param name="Served">Per period, from all points together.</param>
/// <param name="Explanation">One Dutch sentence naming the rule that bound this allocation.</param>
public sealed record AllocationCell(
    string BuurtId, string GroupId, string ResourceId, int Tier, double People,
    IReadOnlyList<double> Need, IReadOnlyList<double> Served, string Explanation)
{
    public double TotalNeed => Need.Sum();

    public double TotalServed => Served.Sum();

    /// <summary>Unmet need over the horizon (never negative).</summary>
    public double Shortfall => Math.Max(0, TotalNeed - TotalServed);

    /// <summary>Served / need over the horizon; 1 when there is no need.</summary>
    public double ServiceFraction => TotalNeed > 0 ? Math.Min(1, TotalServed / TotalNeed) : 1;
}
