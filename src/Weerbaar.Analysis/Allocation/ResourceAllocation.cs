namespace Weerbaar.Analysis.Allocation;

/// <summary>What one policy did with one resource: the flows, served per demand and period, and each tier's max-min level.</summary>
/// <param name="Served">[d][t], the sum of the flows.</param>
/// <param name="Levels">Per tier (0 = everyone under the max-min policy): the lowest service fraction in any period of anyone reachable, as the max-min stage fixed it.</param>
/// <param name="Failure">Dutch: which stage ended without an optimal answer; null when all did.</param>
internal sealed record ResourceAllocation(
    double[][] Served,
    List<(int Point, int Demand, int Period, double Quantity)> Flows,
    Dictionary<int, double> Levels,
    List<AllocationStage> Stages,
    string? Failure);
