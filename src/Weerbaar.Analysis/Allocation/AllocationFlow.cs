namespace Weerbaar.Analysis.Allocation;

/// <summary>An amount handed out from a point to a buurt's demand group in one period.</summary>
public sealed record AllocationFlow(string PointId, string BuurtId, string GroupId, string ResourceId, int Period, double Quantity);
