namespace Weerbaar.Analysis.Siting;

/// <summary>How a siting run ended.</summary>
public enum SitingStatus
{
    /// <summary>Proven optimal (within <see cref="SitingOptions.RelativeGap"/> when that is above 0).</summary>
    Optimal,

    /// <summary>A solution without proof of optimality (time limit, or the greedy heuristic).</summary>
    Feasible,

    /// <summary>No solution exists (e.g. the target share cannot be reached, or capacity falls short).</summary>
    Infeasible,

    /// <summary>The solver stopped without any solution.</summary>
    NoSolution,

    /// <summary>Cancelled; the result holds the best solution found so far, if any.</summary>
    Cancelled,

    /// <summary>The input was not valid; the message says why.</summary>
    Invalid,
}
