namespace Weerbaar.Analysis.Siting;

/// <summary>
/// A site: existing points are <paramref name="Fixed"/> (always open, never counted in k); <paramref name="Capacity"/> in
/// residents it can serve (null = unlimited).
/// </summary>
public sealed record SitingSite(string Id, double Latitude, double Longitude, bool Fixed, double? Capacity = null);
