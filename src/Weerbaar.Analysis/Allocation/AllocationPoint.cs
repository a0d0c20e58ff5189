namespace Weerbaar.Analysis.Allocation;

/// <summary>A distribution point (a noodsteunpunt) where stock is held and handed out.</summary>
public sealed record AllocationPoint(string Id, double Latitude, double Longitude);
