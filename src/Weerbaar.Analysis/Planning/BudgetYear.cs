namespace Weerbaar.Analysis.Planning;

/// <summary>Planned spending in one year, against the begroting.</summary>
public sealed record BudgetYear(int Year, decimal OneOff, decimal Structural, decimal Begroting)
{
    /// <summary>One-off plus structural.</summary>
    public decimal Total => OneOff + Structural;

    /// <summary>Spending above the begroting; 0 when it fits.</summary>
    public decimal Shortfall => Math.Max(0, Total - Begroting);

    /// <summary>True when the begroting does not cover the plan.</summary>
    public bool HasShortfall => Shortfall > 0;
}
