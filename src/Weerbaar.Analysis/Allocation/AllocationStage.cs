namespace Weerbaar.Analysis.Allocation;

/// <summary>One LP solved in the lexicographic sequence.</summary>
/// <param name="Tier">The tier this stage optimises; 0 = everyone (max-min policy, or the minimum-level check).</param>
/// <param name="Step">"max-min" (the lowest service fraction) or "totaal" (total served, in the resource's unit).</param>
/// <param name="SolverStatus">OR-Tools' result status (GLOP).</param>
public sealed record AllocationStage(string ResourceId, int Tier, string Step, string SolverStatus, double Objective, TimeSpan Elapsed);
