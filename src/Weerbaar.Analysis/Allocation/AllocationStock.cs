namespace Weerbaar.Analysis.Allocation;

/// <summary>What a distribution point holds of one resource.</summary>
/// <param name="Initial">On hand at the start of period 0.</param>
/// <param name="Deliveries">Arriving at the start of period t (index t); shorter than the horizon means nothing after.</param>
public sealed record AllocationStock(string PointId, string ResourceId, double Initial, IReadOnlyList<double> Deliveries);
