using Weerbaar.Analysis.Coverage;
using Weerbaar.Web.Features.Gemeenten;
using Weerbaar.Web.Features.Locations;

namespace Weerbaar.Web.Features.Coverage;

/// <summary>A buurt in the coverage view: its figures, where its location comes from, and its nearest noodsteunpunt.</summary>
public sealed record CoverageBuurt(
    string Code, string Name, int Residents, BuurtLocation? Location, int? VulnerabilityClass, double NotSelfReliant, AreaCoverage Coverage, string? NearestName);

/// <summary>Noodsteunpunten coverage of one gemeente, with the norms it used and where they come from.</summary>
/// <param name="ResidentsOutsideBuurtFile">Residents in buurten the CBS file lacks (secret figures): in the residents norm, not per buurt.</param>
public sealed record GemeenteCoverage(
    GemeenteInfo Gemeente,
    IReadOnlyList<CoverageNormValue> Norms,
    int NormsVersion,
    CoverageResult Result,
    IReadOnlyList<CoverageBuurt> Buurten,
    IReadOnlyList<Noodsteunpunt> Points,
    int ResidentsOutsideBuurtFile)
{
    public const string Method = "Afstand: hemelsbreed van het buurtpunt naar het dichtstbijzijnde noodsteunpunt van de gemeente zelf, maal de omrijfactor. "
        + "Een buurt telt als bereikt als die afstand binnen de normafstand ligt; punten zonder coördinaten tellen mee in het aantal, niet in de afstand.";

    public IEnumerable<CoverageBuurt> WithoutLocation => Buurten.Where(b => b.Location is null);

    public IEnumerable<Noodsteunpunt> PointsWithoutLocation => Points.Where(p => p.Latitude is null || p.Longitude is null);
}

/// <summary>One gemeente in the national or regional overview: planned against needed.</summary>
public sealed record CoverageOverviewRow(
    string Gemeentecode, string Name, string VeiligheidsregioCode, string VeiligheidsregioName, int Residents,
    int Points, int PointsNeeded, int PointsMissing, double? ShareCovered, int ResidentsWithoutLocation, bool OwnNorms);
