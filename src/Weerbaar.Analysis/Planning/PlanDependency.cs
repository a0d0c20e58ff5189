namespace Weerbaar.Analysis.Planning;

/// <summary>Finish-to-start: the successor starts at least <paramref name="LagDays"/> days after the predecessor finishes.</summary>
public sealed record PlanDependency(string PredecessorId, string SuccessorId, int LagDays = 0);
