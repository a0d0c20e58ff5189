namespace Weerbaar.Analysis.Siting;

/// <summary>A demand point (a buurt): <paramref name="Weight"/> = residents; <paramref name="Priority"/> = vulnerability multiplier (≥ 1; 1 = none).</summary>
public sealed record SitingDemand(string Id, double Latitude, double Longitude, double Weight, double Priority = 1);
