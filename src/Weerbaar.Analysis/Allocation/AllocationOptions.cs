namespace Weerbaar.Analysis.Allocation;

/// <summary>The college's policy choices for one run.</summary>
/// <param name="Periods">Number of periods in the horizon (e.g. 12 × 6 h = 72 h).</param>
/// <param name="MinimumServiceLevel">Share of need (0–1) everyone within reach of a point gets in every period, when the stock allows.</param>
/// <param name="MaxDistanceMeters">A buurt is served only from points within this straight-line (haversine) distance.</param>
/// <param name="CarryOver">Stock not handed out stays at the point for the next period.</param>
/// <param name="TimeLimit">Wall-clock limit per LP stage; default 30 s.</param>
/// <param name="PeriodByPeriod">
/// Solve one period at a time (rolling horizon): stock left after period t carries to t + 1, but no stock is held back
/// in period t for a higher tier's need in a later period. Far smaller LPs; tier order then holds within each period.
/// </param>
public sealed record AllocationOptions(
    int Periods = 12,
    double MinimumServiceLevel = 0,
    double MaxDistanceMeters = 2000,
    bool CarryOver = true,
    AllocationPolicy Policy = AllocationPolicy.StrictPriority,
    TimeSpan? TimeLimit = null,
    bool PeriodByPeriod = false)
{
    /// <summary>
    /// Skip LPs whose answer a closed-form bound already gives (AllocationStockInReach, fully served tiers). Off only in
    /// tests that compare the shortcuts with the plain LP path.
    /// </summary>
    internal bool Shortcuts { get; init; } = true;

    public TimeSpan EffectiveTimeLimit => TimeLimit ?? TimeSpan.FromSeconds(30);
}
