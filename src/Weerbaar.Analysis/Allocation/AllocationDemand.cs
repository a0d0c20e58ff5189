namespace Weerbaar.Analysis.Allocation;

/// <summary>The people of one demand group in one buurt, located at the buurt's point.</summary>
public sealed record AllocationDemand(string BuurtId, double Latitude, double Longitude, string GroupId, double People);
