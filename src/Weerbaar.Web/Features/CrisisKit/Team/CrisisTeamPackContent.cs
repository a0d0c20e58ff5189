namespace Weerbaar.Web.Features.CrisisKit.Team;

/// <summary>
/// Everything the crisis team pack of a gemeente says, as plain data (hashed, compared per section, drawn into the PDF and
/// the offline HTML): all noodsteunpunten with their status and catchment, the foto in a few sentences, the allocation
/// rules and the college's decision, the chosen scenario and what the programme does about it, the contact list, and the
/// vulnerable locations by the hours they hold out.
/// </summary>
/// <param name="Locations">Null when the pack is made for a reader who may not see the register of vulnerable locations.</param>
/// <param name="Scenario">Null while the college has recorded no decision in the afwegingskader.</param>
public sealed record CrisisTeamPackContent(
    PackGemeente Gemeente,
    IReadOnlyList<string> Summary,
    TeamCoverage Coverage,
    IReadOnlyList<TeamPoint> Points,
    IReadOnlyList<TeamBuurt> Buurten,
    PackAllocationRules? Rules,
    TeamScenario? Scenario,
    IReadOnlyList<PackContact> Contacts,
    IReadOnlyList<TeamLocation>? Locations);

/// <param name="ShareCovered">Share of the residents of located buurten within the norm distance; null when no buurt has a location.</param>
public sealed record TeamCoverage(
    int Residents, int ResidentsCovered, double? ShareCovered, double NotSelfReliant, double NotSelfReliantCovered,
    int PointsNeeded, double NormMeters, double DetourFactor);

/// <param name="Number">The point's number on the map and in the tables (1, 2, … by name).</param>
public sealed record TeamPoint(
    int Number, Guid Id, string Name, string Status, string? Address, double? Latitude, double? Longitude, int? Capacity,
    int Buurten, int Residents, double NotSelfReliant, bool HasBackupPower, int? BackupPowerHours, IReadOnlyList<string> Means,
    string? ContactName, string? ContactPhone);

/// <param name="Point">The number of its nearest noodsteunpunt; null when no point has coordinates or the buurt has no location.</param>
public sealed record TeamBuurt(
    string Code, string Name, int Residents, double NotSelfReliant, int? Point, double? DistanceMeters, bool WithinNorm,
    double? Latitude, double? Longitude, string? GeoJson);

public sealed record TeamScenario(
    string Code, string Name, string Description, int TypicalDurationHours, IReadOnlyList<string> VitalServices,
    IReadOnlyList<string> ScarceResources, IReadOnlyList<TeamMeasure> Actions, IReadOnlyList<TeamMeasure> OpenMeasures);

/// <param name="Reference">"A-3" for an action of the programme, the catalogue code for a measure not taken up yet.</param>
public sealed record TeamMeasure(string Reference, string Title, string Phase, string? Owner, string? Status, DateOnly? Deadline);

/// <param name="Point">The nearest noodsteunpunt (number and name); null when the location or every point lacks coordinates.</param>
public sealed record TeamLocation(PackLocation Location, int? Point, string? PointName);
