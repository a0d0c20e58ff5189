namespace Weerbaar.Analysis.Allocation;

/// <summary>How an allocation run ended.</summary>
public enum AllocationStatus
{
    /// <summary>Every stage solved to optimality (the proportional policy: computed).</summary>
    Optimal,

    /// <summary>Solved, but without the minimum service level, which the stock cannot meet; the message says so.</summary>
    OptimalWithoutMinimum,

    /// <summary>A stage ended without an optimal answer (time limit or numerical trouble); the message says which.</summary>
    NoSolution,

    /// <summary>The input was not valid; the message says why.</summary>
    Invalid,
}
