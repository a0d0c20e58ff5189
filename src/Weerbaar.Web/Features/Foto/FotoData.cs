using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;
using Weerbaar.Web.Features.SelfReliance;
using Weerbaar.Web.Features.Vulnerability;

namespace Weerbaar.Web.Features.Foto;

/// <summary>Everything the foto of one gemeente shows, for the page and the PDF/Word export alike.</summary>
/// <param name="Locations">The vulnerable locations register; null when the reader may not see it (national roles).</param>
/// <param name="Geometries">Buurt geometry by buurt code, when a beheerder loaded it.</param>
/// <param name="BuurtPoints">Where each buurt lies (loaded geometry first, else the CBS/Kadaster point); buurten without one are absent.</param>
public sealed record FotoData(
    GemeenteInfo Gemeente,
    string? OutlineGeoJson,
    GemeenteVulnerability? Vulnerability,
    GemeenteSelfReliance SelfReliance,
    IReadOnlyList<VulnerableLocation>? Locations,
    IReadOnlyList<Noodsteunpunt> Noodsteunpunten,
    ScanPosition? Position,
    IReadOnlyDictionary<string, BuurtGeometry> Geometries,
    IReadOnlyDictionary<string, BuurtLocation> BuurtPoints,
    DateOnly Date)
{
    public const string CbsSource = "Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0).";

    /// <summary>Colour-blind-safe sequential classes (ColorBrewer YlOrBr, 4 classes), always shown with their label.</summary>
    public static readonly IReadOnlyList<(int Class, string Colour)> ClassColours = [(1, "#fed98e"), (2, "#fe9929"), (3, "#d95f0e"), (4, "#993404")];

    public int BuurtCount => SelfReliance.Buurten.Count;

    public int Sum(Func<BuurtSelfReliance, int?> value) => SelfReliance.Buurten.Sum(b => value(b) ?? 0);
}
