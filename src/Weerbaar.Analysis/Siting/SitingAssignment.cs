namespace Weerbaar.Analysis.Siting;

/// <summary>A share (0–1] of demand point <paramref name="Demand"/> served by site <paramref name="Site"/> (indices into the input lists).</summary>
public sealed record SitingAssignment(int Demand, int Site, double Share);
