namespace Weerbaar.Analysis.Planning;

/// <summary>Planned spending of one pillar in one year.</summary>
public sealed record PillarBudgetYear(string Pillar, int Year, decimal OneOff, decimal Structural)
{
    /// <summary>One-off plus structural.</summary>
    public decimal Total => OneOff + Structural;
}
